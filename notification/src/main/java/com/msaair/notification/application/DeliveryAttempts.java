package com.msaair.notification.application;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryChannel;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import com.msaair.notification.domain.RetryPolicy;
import com.msaair.platform.tx.RetryOnLockConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The transactional steps of delivering a notification, each a transaction of its own (run again when
 * the database rolled it back for a lock conflict): what is due, the notification with its customer's
 * address, and what became of the mail. The mail itself is sent between them, outside any transaction
 * ({@link DeliveryService}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class DeliveryAttempts {

    /** A notification due now, and where to send it, if its customer's address is known yet. */
    public record Attempt(Notification notification, Optional<Contact> contact) {}

    @Inject
    NotificationRepository notifications;

    @Inject
    Clock clock;

    /** Ids of notifications due now, oldest first. */
    public List<Long> due(int limit) {
        return notifications.due(clock.instant(), limit);
    }

    /** The notification, if it is still due (another round may have sent it). */
    public Optional<Attempt> begin(long id) {
        return notifications.find(id)
                .filter(n -> n.isDue(clock.instant()))
                .map(n -> new Attempt(n, notifications.contact(n.customerId())));
    }

    /** No address yet: looked at again within {@code recheck}, without counting as an attempt. */
    public void awaitContact(long id, String reason, Duration recheck) {
        notifications.find(id).ifPresent(n -> n.awaitContact(reason, recheck, clock.instant()));
    }

    /** The mail went out ({@code error} null) or failed; what that left the notification, if it is still there. */
    public Optional<DeliveryStatus> sent(long id, String error, RetryPolicy policy) {
        return notifications.find(id).map(n -> {
            if (error == null) {
                n.delivered(DeliveryChannel.EMAIL, clock.instant());
            } else {
                n.failed(DeliveryChannel.EMAIL, error, policy, clock.instant());
            }
            return n.status();
        });
    }
}
