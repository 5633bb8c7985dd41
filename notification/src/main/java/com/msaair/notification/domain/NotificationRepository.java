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
    List<Notification> ofCustomer(String customerId, int offset, int limit);

    long countOfCustomer(String customerId);

    void saveContact(Contact contact);

    Optional<Contact> contact(String customerId);

    /** Makes the customer's undelivered notifications due at {@code now} (their contact has just arrived). */
    void makeDue(String customerId, Instant now);
}
