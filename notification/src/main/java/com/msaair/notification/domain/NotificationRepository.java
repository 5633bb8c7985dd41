package com.msaair.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications and customer contacts (a port). */
public interface NotificationRepository {

    void add(Notification notification);

    Optional<Notification> find(long id);

    /** Ids of notifications whose next attempt is due, oldest first. */
    List<Long> due(Instant now, int limit);

    /** A customer's notifications, newest first. */
    List<Notification> ofCustomer(long customerId, int offset, int limit);

    long countOfCustomer(long customerId);

    void saveContact(Contact contact);

    Optional<Contact> contact(long customerId);

    /** Makes the customer's undelivered notifications due at {@code now} (their contact has just arrived). */
    void makeDue(long customerId, Instant now);
}
