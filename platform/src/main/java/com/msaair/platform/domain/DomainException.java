package com.msaair.platform.domain;

/**
 * A business rule said no. Each service's domain names its own rules (a sold-out flight, an
 * already-cancelled reservation) by extending this; the kind tells an inbound adapter how to
 * answer (HTTP: 400, 404, 409, 422, 402, 503) without the domain knowing about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    public enum Kind {
        /**
         * The request names something that cannot be, found only against the state it is about (a seat
         * the flight does not have): answered like a malformed field.
         */
        INVALID,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request is fine but the current state forbids it (sold out, already cancelled). */
        CONFLICT,
        /** The request breaks a business rule no matter the state (arrival before departure). */
        UNPROCESSABLE,
        /** A payment was refused (a declined card): nothing was taken, and the request may be made again with another method. */
        PAYMENT_REQUIRED,
        /** Something this answer needs cannot be reached now (a card processor failing); the same request may succeed later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String field;

    protected DomainException(Kind kind, String code, String message) {
        this(kind, code, null, message);
    }

    /** @param field the request field the rule is about, when there is one */
    protected DomainException(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** A short stable slug for clients to switch on, e.g. {@code sold-out}. */
    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
