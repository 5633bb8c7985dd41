package com.msaair.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Port checks: is it free to listen on, is something answering on it. */
public final class Ports {

    private Ports() {}

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails when {@code port}, which {@code user} is to listen on, is taken. */
    static void requireFree(int port, String user) {
        conflict(port, user).ifPresent(conflict -> {
            throw new IllegalStateException(conflict);
        });
    }

    /** When {@code port} is taken: that it is, for {@code user}, and who has it as far as {@code ss} can tell. */
    static Optional<String> conflict(int port, String user) {
        if (isFree(port)) {
            return Optional.empty();
        }
        String holder = holder(port);
        return Optional.of("Port " + port + " for " + user + " is already in use" + (holder.isEmpty() ? "" : " by: " + holder));
    }

    /** Who listens on {@code port}, as far as {@code ss} can tell (empty when it cannot). */
    public static String holder(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            if (!ss.waitFor(3, TimeUnit.SECONDS)) {
                ss.destroyForcibly();
                return "";
            }
            return new String(ss.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
