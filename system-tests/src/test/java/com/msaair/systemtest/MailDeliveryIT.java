package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications as e-mail through a real SMTP server (GreenMail, in this JVM: the stack's notification
 * server mails every notification of the run to it, {@link SystemStack#mail()}). While the mail server
 * is down, notifications are stored as RETRYING with the error and consumption goes on; when it is
 * back, they are delivered.
 */
@Order(7)
@ExtendWith(SystemStack.class)
class MailDeliveryIT {

    @Test
    @Order(1)
    void aBookingIsMailedToTheCustomer() throws Exception {
        JsonObject customer = Api.registerCustomer();
        long reservation = id(Api.booked(Api.customerId(customer), id(Api.registerFlight(10, 900)), 2));

        List<MimeMessage> mails = Eventually.await("two mails to " + customer.getString("email"),
                () -> mailsTo(customer.getString("email")), m -> m.size() == 2);
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
        GreenMail mailServer = SystemStack.mail();
        mailServer.stop();
        try {
            Api.booked(customerId, flight, 1);
            Api.booked(customerId, flight, 1);

            List<JsonObject> waiting = Eventually.await("four notifications retrying", () -> Api.notifications(customerId).getValuesAs(JsonObject.class),
                    n -> n.size() == 4 && n.stream().allMatch(x -> x.getString("status").equals("RETRYING") && x.getInt("attempts") >= 1));
            assertThat(waiting).allSatisfy(n -> assertThat(n.getString("lastError")).isNotBlank());
            Eventually.await("mileage and history went on meanwhile", () -> Api.history(customerId).size(), size -> size == 5);
        } finally {
            // The classes after this one go on mailing their notifications to it.
            mailServer.start();
        }
        Eventually.await("all delivered once the mail server is back", Duration.ofSeconds(60),
                () -> Api.notifications(customerId).getValuesAs(JsonObject.class),
                n -> n.stream().allMatch(x -> x.getString("status").equals("SENT")));
        assertThat(mailsTo(customer.getString("email"))).hasSize(4);
    }

    /** Only the customer's: the mail server also receives the notifications of every other customer. */
    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SystemStack.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
