package com.msaair.bench;

import com.msaair.localstack.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs in to a service's OpenAPI UI in a real browser and makes a call, as a newcomer would: Debian's
 * headless Chromium driven by Selenium (as the web front end's WebIT drives it). Opens
 * {@code /openapi/ui}, clicks Authorize, enters the client id {@code msaair-ui}, signs in to the local
 * Keycloak as a demo user in the pop-up, then tries {@code GET /api/reservations} and saves a screenshot
 * of the signed-in answer. Run against the local stack ({@code ./msaair up}):
 * {@code bench/openapi-ui-check.sh [service-port] [user] [screenshot.png]}.
 */
public final class OpenApiUiCheck {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private OpenApiUiCheck(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9082;
        String user = args.length > 1 ? args[1] : "minji";
        Path screenshot = Path.of(args.length > 2 ? args[2] : "docs/images/openapi-ui-signed-in.png");
        Chromium.ensureInstalled();
        Path profile = Files.createTempDirectory("openapi-ui-check");
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toFile()).addArguments(Chromium.arguments(profile, 1400, 2300));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build(),
                options);
        try {
            new OpenApiUiCheck(driver).run("http://localhost:" + port + "/openapi/ui/", user, "dev-only-" + user, screenshot);
        } finally {
            driver.quit();
        }
    }

    private void run(String ui, String user, String password, Path screenshot) throws Exception {
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        try {
            driver.get(ui);
            String main = driver.getWindowHandle();
            click("button.btn.authorize");
            type("input[data-name='clientId']", "msaair-ui");
            click(".auth-btn-wrapper button.authorize");
            wait.until(d -> d.getWindowHandles().size() > 1);
            driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().orElseThrow());
            type("input#username", user);
            type("input#password", password);
            click("#kc-login");
            driver.switchTo().window(main);
            visible("button[aria-label='Remove authorization']"); // "Logout" shows once the token is in
            click(".auth-btn-wrapper button.btn-done");
            click("#operations-default-get_api_reservations .opblock-summary");
            click(".try-out__btn");
            click("button.execute");
            String status = visible(".live-responses-table tbody .response-col_status").getText().strip();
            System.out.println("GET /api/reservations from the OpenAPI UI, signed in as " + user + ": " + status);
            if (!status.startsWith("200")) {
                throw new IllegalStateException("The signed-in call answered " + status);
            }
            Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
            System.out.println("Screenshot: " + screenshot);
        } catch (RuntimeException e) {
            // What each window showed when it went wrong, beside the screenshot.
            int n = 0;
            for (String handle : driver.getWindowHandles()) {
                driver.switchTo().window(handle);
                Path failed = screenshot.resolveSibling("failed-window-" + (n++) + ".png");
                Files.write(failed, driver.getScreenshotAs(OutputType.BYTES));
                System.out.println("On failure, window " + n + " (" + driver.getCurrentUrl() + "): " + failed);
            }
            throw e;
        }
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }
}
