package com.msaair.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What both tools print and how they wait. */
final class Console {

    /** LocalTime's own toString drops the seconds when they are zero. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {}

    static void log(String tool, String message) {
        System.out.println("[" + tool + " " + TIME.format(LocalTime.now()) + "] " + message);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
