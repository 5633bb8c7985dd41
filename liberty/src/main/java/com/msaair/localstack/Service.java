package com.msaair.localstack;

/** The six MSA Air services: each a Liberty server of the same name, on its own port. */
public enum Service {
    SCHEDULE(9081),
    RESERVATION(9082),
    MILEAGE(9083),
    NOTIFICATION(9084),
    HISTORY(9085),
    PAYMENT(9086);

    private final int port;

    Service(int port) {
        this.port = port;
    }

    /** The Liberty server name (and module name). */
    public String serverName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int port() {
        return port;
    }

    public static boolean isService(String name) {
        for (Service service : values()) {
            if (service.serverName().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public static Service named(String name) {
        for (Service service : values()) {
            if (service.serverName().equalsIgnoreCase(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service named " + name + "; the services are schedule, reservation, mileage, notification, history, payment");
    }
}
