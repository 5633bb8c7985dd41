package com.msaair.bench;

import java.time.LocalTime;

/** What both tools print and how they wait. */
final class Console {

    private Console() {}

    static void log(String tool, String message) {
        System.out.println("[" + tool + " " + LocalTime.now().withNano(0) + "] " + message);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
