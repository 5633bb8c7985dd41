package com.msaair.notification.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.notification.domain.Mailer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail server that answers every command just before Jakarta Mail's per-operation timeout (5 s)
 * would make one mail last half a minute: the mailer's overall deadline ends it after 8 s, so the
 * delivery worker's lease is never outlived. The server is a real socket on loopback.
 */
class JakartaMailerDeadlineTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private ServerSocket server;

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMailServerThatAnswersEachCommandJustInTimeCannotHoldAMailPastItsDeadline() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread smtp = new Thread(this::answerSlowly, "slow-smtp");
        smtp.setDaemon(true);
        smtp.start();
        JakartaMailer mailer = new JakartaMailer();
        mailer.host = Optional.of("127.0.0.1");
        mailer.port = server.getLocalPort();
        mailer.from = "MSA Air <no-reply@msaair.example>";
        mailer.username = Optional.empty();
        mailer.password = Optional.empty();
        mailer.executor = executor;
        mailer.connect();

        long started = System.nanoTime();
        assertThatThrownBy(() -> mailer.send("kim@example.com", "Booked", "hello")).isInstanceOf(Mailer.MailFailure.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("ended by the deadline, not after every command's timeout")
                .isGreaterThanOrEqualTo(JakartaMailer.MAX_TIME_PER_MAIL.minusMillis(100))
                .isLessThan(JakartaMailer.MAX_TIME_PER_MAIL.plusSeconds(3));
    }

    /** Greets, then answers every command after 4 s (inside the 5-s read timeout), for ever. */
    private void answerSlowly() {
        try (Socket client = server.accept()) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Thread.sleep(4_000);
            out.write("220 slow.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (in.readLine() != null) {
                Thread.sleep(4_000);
                out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception e) {
            // the client went away: done
        }
    }
}
