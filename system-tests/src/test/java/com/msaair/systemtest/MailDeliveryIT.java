package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications as e-mail through a real SMTP server (GreenMail, in this JVM). While the mail server
 * is down, notifications are stored as RETRYING with the error and consumption goes on; when it is
 * back, they are delivered.
 */
@Order(7)
@ExtendWith(SystemStack.class)
class MailDeliveryIT {

    private static final String[] MAIL_SETTINGS = {"SMTP_HOST", "SMTP_PORT", "MSAAIR_DELIVERY_POLL_INTERVAL_MS",
            "MSAAIR_DELIVERY_FIRST_RETRY_DELAY_MS", "MSAAIR_DELIVERY_MAX_RETRY_DELAY_MS", "MSAAIR_DELIVERY_MAX_ATTEMPTS"};
    private static ServerSetup smtp;
    private static GreenMail mailServer;

    @BeforeAll
    static void sendNotificationsByMail() {
        smtp = new ServerSetup(3025 + SystemStack.portOffset(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        mailServer = new GreenMail(smtp);
        mailServer.start();
        LibertyServer notification = SystemStack.server(Service.NOTIFICATION)
                .env("SMTP_HOST", "127.0.0.1")
                .env("SMTP_PORT", String.valueOf(smtp.getPort()))
                .env("MSAAIR_DELIVERY_POLL_INTERVAL_MS", "300")
                .env("MSAAIR_DELIVERY_FIRST_RETRY_DELAY_MS", "500")
                .env("MSAAIR_DELIVERY_MAX_RETRY_DELAY_MS", "2000")
                .env("MSAAIR_DELIVERY_MAX_ATTEMPTS", "1000");
        notification.restart(SystemStack.START_TIMEOUT);
    }

    @AfterAll
    static void backToTheLog() {
        SystemStack.server(Service.NOTIFICATION).unsetEnv(MAIL_SETTINGS).restart(SystemStack.START_TIMEOUT);
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    @Order(1)
    void aBookingIsMailedToTheCustomer() throws Exception {
        JsonObject customer = Api.registerCustomer();
        long reservation = id(Api.booked(Api.customerId(customer), id(Api.registerFlight(10, 900)), 2));

        List<MimeMessage> mails = Eventually.await("two mails to " + customer.getString("email"),
                () -> mailsTo(mailServer, customer.getString("email")), m -> m.size() == 2);
        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Your MSA Air reservation is confirmed", "Your MSA Air miles have changed");
        assertThat(mails).extracting(GreenMailUtil::getBody).anyMatch(body -> body.contains("Reservation " + reservation + " is confirmed"));
        assertThat(Eventually.await("both marked sent", () -> Api.notifications(Api.customerId(customer)), n -> n.getValuesAs(JsonObject.class).stream()
                        .allMatch(x -> x.getString("status").equals("SENT"))).getValuesAs(JsonObject.class))
                .allSatisfy(n -> assertThat(n.getString("channel")).isEqualTo("EMAIL"));
    }

    @Test
    @Order(2)
    void whileTheMailServerIsDownNotificationsWaitAndConsumptionGoesOn() throws Exception {
        JsonObject customer = Api.registerCustomer();
        String customerId = Api.customerId(customer);
        long flight = id(Api.registerFlight(10, 300));
        mailServer.stop();
        try {
            Api.booked(customerId, flight, 1);
            Api.booked(customerId, flight, 1);

            List<JsonObject> waiting = Eventually.await("four notifications retrying", () -> Api.notifications(customerId).getValuesAs(JsonObject.class),
                    n -> n.size() == 4 && n.stream().allMatch(x -> x.getString("status").equals("RETRYING") && x.getInt("attempts") >= 1));
            assertThat(waiting).allSatisfy(n -> assertThat(n.getString("lastError")).isNotBlank());
            Eventually.await("mileage and history went on meanwhile", () -> Api.history(customerId).size(), size -> size == 5);
        } finally {
            mailServer = new GreenMail(smtp);
            mailServer.start();
        }
        Eventually.await("all delivered once the mail server is back", Duration.ofSeconds(60),
                () -> Api.notifications(customerId).getValuesAs(JsonObject.class),
                n -> n.stream().allMatch(x -> x.getString("status").equals("SENT")));
        assertThat(mailsTo(mailServer, customer.getString("email"))).hasSize(4);
    }

    private static List<MimeMessage> mailsTo(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
