package com.msaair.notification.application;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryChannel;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import com.msaair.platform.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns events into notifications, inside the consumer's transaction. Without an SMTP server the
 * log is the channel and the notification is delivered on the spot; with one, it waits for the
 * {@link DeliveryService}, so a mail server's trouble never slows consumption.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    NotificationRepository notifications;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(EventEnvelope event, String customerId, String message) {
        Instant now = clock.instant();
        Notification notification = Notification.of(customerId, event.eventId().toString(), event.eventType(),
                event.correlationId(), message, now);
        if (!mailer.isConfigured()) {
            LOG.info(message);
            notification.delivered(DeliveryChannel.LOG, now);
        }
        notifications.add(notification);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactRegistered(String customerId, String name, String email) {
        notifications.saveContact(new Contact(customerId, name, email));
        // What waited for this address goes now, not at its next periodic look.
        notifications.makeDue(customerId, clock.instant());
    }

    public List<Notification> ofCustomer(String customerId, int offset, int limit) {
        return notifications.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return notifications.countOfCustomer(customerId);
    }
}
