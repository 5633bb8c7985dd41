package com.msaair.notification.application;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Notifications and contacts in memory. */
public final class InMemoryNotifications implements NotificationRepository {

    private final Map<Long, Notification> byId = new LinkedHashMap<>();
    private final Map<String, Contact> contacts = new HashMap<>();
    /** Asked before each look for due notifications: a database that fails now and then. */
    Supplier<RuntimeException> dueFailure = () -> null;

    /**
     * The service that turns events into notifications, over this repository, built by hand (also for
     * tests outside its package). Its mailer is configured or not, and sends nothing: the delivery
     * rounds send, never the consumption of an event.
     */
    public NotificationService service(Clock clock, boolean mailServer) {
        NotificationService service = new NotificationService();
        service.notifications = this;
        service.clock = clock;
        service.mailer = new Mailer() {
            @Override
            public boolean isConfigured() {
                return mailServer;
            }

            @Override
            public Duration maxTimePerMail() {
                return Duration.ofSeconds(5);
            }

            @Override
            public void send(String to, String subject, String body) {
                throw new AssertionError("a notification is sent by the delivery rounds, never while its event is consumed");
            }
        };
        return service;
    }

    @Override
    public void add(Notification notification) {
        byId.put((long) byId.size() + 1, notification);
    }

    public List<Notification> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public Optional<Notification> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        RuntimeException failure = dueFailure.get();
        if (failure != null) {
            throw failure;
        }
        return byId.entrySet().stream().filter(e -> e.getValue().isDue(now))
                .sorted(Comparator.comparing((Map.Entry<Long, Notification> e) -> e.getValue().nextAttemptAt()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public List<Notification> ofCustomer(String customerId, int offset, int limit) {
        List<Notification> newestFirst = new ArrayList<>(byId.values().stream().filter(n -> n.customerId().equals(customerId)).toList());
        Collections.reverse(newestFirst);
        return newestFirst.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countOfCustomer(String customerId) {
        return byId.values().stream().filter(n -> n.customerId().equals(customerId)).count();
    }

    @Override
    public void saveContact(Contact contact) {
        contacts.put(contact.customerId(), contact);
    }

    @Override
    public Optional<Contact> contact(String customerId) {
        return Optional.ofNullable(contacts.get(customerId));
    }

    /** As the database's UPDATE does: the customer's open notifications' next attempt becomes {@code now}. */
    @Override
    public void makeDue(String customerId, Instant now) {
        byId.values().stream()
                .filter(n -> n.customerId().equals(customerId))
                .filter(n -> n.status() == DeliveryStatus.PENDING || n.status() == DeliveryStatus.RETRYING)
                .forEach(n -> nextAttemptAt(n, now));
    }

    private static void nextAttemptAt(Notification notification, Instant at) {
        try {
            Field field = Notification.class.getDeclaredField("nextAttemptAt");
            field.setAccessible(true);
            field.set(notification, at);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
