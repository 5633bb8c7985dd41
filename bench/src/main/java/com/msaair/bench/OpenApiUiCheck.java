package com.msaair.bench;

import com.msaair.localstack.ManagedProcess;
import com.msaair.localstack.Ports;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs in to a service's OpenAPI UI in a real browser and makes a call, as a newcomer would: Debian's
 * headless Chromium driven through ChromeDriver's W3C WebDriver protocol (plain HTTP, no library).
 * Opens {@code /openapi/ui}, clicks Authorize, enters the client id {@code msaair-ui}, signs in to the
 * local Keycloak as a demo user in the pop-up, then tries {@code GET /api/reservations} and saves a
 * screenshot of the signed-in answer. Run against the local stack ({@code ./msaair up}):
 * {@code bench/openapi-ui-check.sh [service-port] [user] [screenshot.png]}.
 */
public final class OpenApiUiCheck {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String driver;
    private String session;

    private OpenApiUiCheck(String driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9082;
        String user = args.length > 1 ? args[1] : "minji";
        Path screenshot = Path.of(args.length > 2 ? args[2] : "docs/images/openapi-ui-signed-in.png");
        int driverPort = 9515;
        Path log = Path.of("target/openapi-ui-check/chromedriver.log");
        ManagedProcess chromedriver = ManagedProcess.launch("chromedriver", List.of("chromedriver", "--port=" + driverPort), Map.of(),
                Path.of("target/openapi-ui-check"), log);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Ports.isListening(driverPort)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("chromedriver did not start: " + chromedriver.tail(10));
                }
                Thread.sleep(100);
            }
            OpenApiUiCheck check = new OpenApiUiCheck("http://127.0.0.1:" + driverPort);
            check.run("http://localhost:" + port + "/openapi/ui/", user, "dev-only-" + user, screenshot);
        } finally {
            chromedriver.stop(Duration.ofSeconds(5));
        }
    }

    private void run(String ui, String user, String password, Path screenshot) throws Exception {
        JsonObject created = call("POST", "/session", """
                {"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium","args":[
                "--headless=new","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking",
                "--disable-component-update","--disable-sync","--window-size=1400,2300"]}}}}""");
        session = created.getJsonObject("value").getString("sessionId");
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        try {
            call("POST", path("/url"), "{\"url\":\"" + ui + "\"}");
            String main = call("GET", path("/window"), null).getString("value");
            click(await("button.btn.authorize"));
            type(await("input[data-name='clientId']"), "msaair-ui");
            click(await(".auth-btn-wrapper button.authorize"));
            String popup = awaitOtherWindow(main);
            call("POST", path("/window"), "{\"handle\":\"" + popup + "\"}");
            type(await("input#username"), user);
            type(await("input#password"), password);
            click(await("#kc-login"));
            call("POST", path("/window"), "{\"handle\":\"" + main + "\"}");
            await("button[aria-label='Remove authorization']"); // "Logout" shows once the token is in
            click(await(".auth-btn-wrapper button.btn-done"));
            click(await("#operations-default-get_api_reservations .opblock-summary"));
            click(await(".try-out__btn"));
            click(await("button.execute"));
            String status = text(await(".live-responses-table tbody .response-col_status"));
            System.out.println("GET /api/reservations from the OpenAPI UI, signed in as " + user + ": " + status.strip());
            if (!status.strip().startsWith("200")) {
                throw new IllegalStateException("The signed-in call answered " + status);
            }
            String png = call("GET", path("/screenshot"), null).getString("value");
            Files.write(screenshot, Base64.getDecoder().decode(png));
            System.out.println("Screenshot: " + screenshot);
        } catch (RuntimeException e) {
            // What each window showed when it went wrong, beside the screenshot.
            int n = 0;
            for (JsonValue handle : call("GET", path("/window/handles"), null).getJsonArray("value")) {
                call("POST", path("/window"), "{\"handle\":\"" + ((jakarta.json.JsonString) handle).getString() + "\"}");
                Path failed = screenshot.resolveSibling("failed-window-" + (n++) + ".png");
                Files.write(failed, Base64.getDecoder().decode(call("GET", path("/screenshot"), null).getString("value")));
                System.out.println("On failure, window " + n + " (" + call("GET", path("/url"), null).getString("value") + "): " + failed);
            }
            throw e;
        } finally {
            call("DELETE", "/session/" + session, null);
        }
    }

    private String path(String command) {
        return "/session/" + session + command;
    }

    private String await(String css) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonObject found = call("POST", path("/elements"), "{\"using\":\"css selector\",\"value\":\"" + css.replace("\"", "\\\"") + "\"}");
            for (JsonValue element : found.getJsonArray("value")) {
                // A web element is {"<the W3C element key>": id}: the one member's value.
                String id = ((jakarta.json.JsonString) element.asJsonObject().values().iterator().next()).getString();
                if (call("GET", path("/element/" + id + "/displayed"), null).getBoolean("value", false)) {
                    return id;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Nothing visible matches " + css);
            }
            Thread.sleep(200);
        }
    }

    private String awaitOtherWindow(String main) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonValue handle : call("GET", path("/window/handles"), null).getJsonArray("value")) {
                String h = ((jakarta.json.JsonString) handle).getString();
                if (!h.equals(main)) {
                    return h;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The sign-in window did not open");
    }

    private void click(String element) throws Exception {
        call("POST", path("/element/" + element + "/click"), "{}");
    }

    private void type(String element, String text) throws Exception {
        call("POST", path("/element/" + element + "/clear"), "{}");
        call("POST", path("/element/" + element + "/value"), "{\"text\":\"" + text + "\"}");
    }

    private String text(String element) throws Exception {
        return call("GET", path("/element/" + element + "/text"), null).getString("value");
    }

    private JsonObject call(String method, String command, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(driver + command)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + command + " -> " + response.statusCode() + " " + response.body());
        }
        return answer;
    }
}
