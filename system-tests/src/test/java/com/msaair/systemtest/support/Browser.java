package com.msaair.systemtest.support;

import com.msaair.localstack.Chromium;
import com.msaair.localstack.Identities.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser on the web front end: Debian's headless Chromium driven by Selenium, with its own
 * empty profile (its own cookies: two browsers are two people), through the test stack's gateway —
 * the only address a browser has for MSA Air. Waits are for something to show, never fixed sleeps.
 */
public final class Browser implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Browser.class.getName());
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** A desktop window, and a phone's (a 6.1-inch phone's CSS pixels). */
    public static final int[] DESKTOP = {1280, 1000};
    public static final int[] PHONE = {390, 844};

    private static CompletableFuture<Void> installation;

    private final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    /** Installs chromium and its driver, when missing, on another thread; a browser opened meanwhile waits for it. */
    public static synchronized CompletableFuture<Void> installInBackground() {
        if (installation == null) {
            installation = CompletableFuture.runAsync(Chromium::ensureInstalled);
        }
        return installation;
    }

    public Browser(int[] size) {
        installInBackground().join();
        try {
            profile = Files.createTempDirectory("msaair-browser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toFile()).addArguments(Chromium.arguments(profile, DESKTOP[0], DESKTOP[1]));
        if (size != DESKTOP) {
            // A phone's viewport exactly (a headless window is no narrower than 500 pixels), with its touch and device pixels.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics", java.util.Map.of("width", size[0], "height", size[1],
                    "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = SystemStack.stack().gatewayUri();
    }

    public Browser() {
        this(DESKTOP);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the site (a path such as /trips). */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Signs in through the realm's own sign-in page, as a person would, and comes back to the front page. */
    public Browser signIn(Person person) {
        return signIn(person.username(), person.password());
    }

    public Browser signIn(String username, String password) {
        open("/signin");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("kc-login"));
        await(By.id("sign-out"));
        return this;
    }

    public WebElement await(By what) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page said instead (an error page names the call that failed): the failure explains itself.
            throw new AssertionError("No " + what + " on " + driver.getCurrentUrl() + "; the page says: "
                    + driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " "), e);
        }
    }

    /** Waits until the element's text contains {@code text}; answers the whole text. */
    public String awaitText(By what, String text) {
        return awaitText(what, text, WAIT);
    }

    /**
     * The same, for as long as {@code timeout}. It polls through a page being replaced (a form's answer
     * arriving): chromedriver may then report the element it found a moment before as "Node with given id
     * does not belong to the document", a plain WebDriverException rather than a stale element (WebIT,
     * CI of 2026-12-06): that poll only did not see the text yet.
     */
    public String awaitText(By what, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            try {
                return ExpectedConditions.textToBePresentInElementLocated(what, text).apply(d);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
        return driver.findElement(what).getText();
    }

    public String text(By what) {
        return await(what).getText();
    }

    public void click(By what) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    public void type(By what, String text) {
        WebElement field = await(what);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as a date or time picker would (what typing into one means depends on the browser's locale). */
    public void setValue(By what, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", await(what), value);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Marks the page, so a test can tell later that it was not reloaded (a reload loses the mark). */
    public void markPage() {
        script("window.msaairTestMark = 'unchanged';");
    }

    public boolean stillTheMarkedPage() {
        return "unchanged".equals(script("return window.msaairTestMark;"));
    }

    /**
     * A screenshot for the README and docs ({@code docs/images/<name>.png}), taken only when the run asks
     * for them ({@code -Dmsaair.screenshots=true}): the lead regenerates and commits them.
     */
    public void screenshot(String name) {
        if (!Boolean.getBoolean("msaair.screenshots")) {
            return;
        }
        Path file = SystemStack.stack().layout().root().resolve("docs/images/" + name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            LOG.info(() -> "Screenshot " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.warning("Could not remove the browser profile " + profile + ": " + e.getMessage());
            }
        }
    }
}
