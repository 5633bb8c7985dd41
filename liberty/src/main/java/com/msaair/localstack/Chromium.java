package com.msaair.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's headless Chromium and its chromedriver, as the browser tests (the web front end's WebIT) and
 * the OpenAPI UI check drive them with Selenium: installed with apt when missing, started with flags
 * that work as root in a container and keep the browser off the network (no updates, sync, QUIC or
 * background requests), each run in a new empty profile.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A Korean font: without one the Korean pages are drawn as empty boxes. */
    static final Path KOREAN_FONT = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");

    private Chromium() {}

    /** Installs chromium, chromium-driver and a Korean font with apt (one run) when missing. */
    public static void ensureInstalled() {
        List<String> missing = new ArrayList<>();
        if (!DebianPackages.has("chromium")) {
            missing.add("chromium");
        }
        if (!DebianPackages.has("chromedriver")) {
            missing.add("chromium-driver");
        }
        if (!Files.exists(KOREAN_FONT)) {
            missing.add("fonts-nanum");
        }
        DebianPackages.install("the browser tests drive chromium through chromedriver; the Korean pages need a Korean font", missing);
    }

    /** The command-line flags of a headless browser with its own profile in {@code profile}, its window {@code width} x {@code height}. */
    public static List<String> arguments(Path profile, int width, int height) {
        return List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--lang=en-US");
    }
}
