package com.msaair.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A message to a customer about something that happened to their booking or miles: one per event.
 * It is stored when the event arrives and delivered afterwards, so a slow or absent mail server
 * never holds up consumption; every attempt is recorded.
 */
public class Notification {

    public static final int MAX_ERROR_LENGTH = 500;

    private Long id;
    private String customerId;
    private String eventId;
    private String eventType;
    private String correlationId;
    private String message;
    private DeliveryStatus status;
    private DeliveryChannel channel;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant deliveredAt;
    private long version;

    protected Notification() {
        // for the persistence adapter
    }

    private Notification(String customerId, String eventId, String eventType, String correlationId, String message, Instant now) {
        this.customerId = customerId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.correlationId = correlationId;
        this.message = message;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public static Notification of(String customerId, String eventId, String eventType, String correlationId, String message, Instant now) {
        return new Notification(customerId, eventId, eventType, correlationId, message, now);
    }

    public boolean isDue(Instant now) {
        return (status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING) && !nextAttemptAt.isAfter(now);
    }

    public void delivered(DeliveryChannel through, Instant now) {
        attempts++;
        channel = through;
        status = DeliveryStatus.SENT;
        deliveredAt = now;
        nextAttemptAt = null;
    }

    /**
     * No address is known for the customer yet (their CustomerRegistered has not arrived): not an
     * attempt, so it never uses up the retries and never ends FAILED for it; looked at again after
     * {@code recheck}, and at once when the contact arrives.
     */
    public void awaitContact(String reason, Duration recheck, Instant now) {
        status = DeliveryStatus.RETRYING;
        lastError = reason.substring(0, Math.min(reason.length(), MAX_ERROR_LENGTH));
        nextAttemptAt = now.plus(recheck);
    }

    /** Records a failed attempt: tried again later, or given up on after the policy's last attempt. */
    public void failed(DeliveryChannel through, String error, RetryPolicy policy, Instant now) {
        attempts++;
        channel = through;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
        if (attempts >= policy.maxAttempts()) {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
        } else {
            status = DeliveryStatus.RETRYING;
            nextAttemptAt = now.plus(policy.delayAfter(attempts));
        }
    }

    public Long id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String correlationId() {
        return correlationId;
    }

    public String message() {
        return message;
    }

    public DeliveryStatus status() {
        return status;
    }

    public DeliveryChannel channel() {
        return channel;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
