package com.msaair.mileage.domain;

import com.msaair.platform.domain.DomainException;

/** The customer and mileage rules' refusals. */
public final class MileageException extends DomainException {

    private MileageException(Kind kind, String code, String field, String message) {
        super(kind, code, field, message);
    }

    public static MileageException customerNotFound(String id) {
        return new MileageException(Kind.NOT_FOUND, "customer-not-found", null, "Customer " + id + " does not exist");
    }

    public static MileageException emailTaken(Email email) {
        return new MileageException(Kind.CONFLICT, "email-taken", "email", "A customer with e-mail " + email + " is already registered");
    }

    public static MileageException alreadyACustomer(String id) {
        return new MileageException(Kind.CONFLICT, "already-a-customer", null, "You are already a customer (" + id + ")");
    }

    public static MileageException parkedEventNotFound(long id) {
        return new MileageException(Kind.NOT_FOUND, "parked-event-not-found", null, "Parked event " + id + " does not exist");
    }

    public static MileageException stillUnknownCustomer(String customerId) {
        return new MileageException(Kind.CONFLICT, "customer-still-unknown", null,
                "Customer " + customerId + " is still not registered; the event stays parked");
    }
}
