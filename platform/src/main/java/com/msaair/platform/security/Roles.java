package com.msaair.platform.security;

/** The roles of the identity provider's realm, as the token's {@code groups} claim carries them. */
public final class Roles {

    /** Books for themselves; reads and cancels their own reservations; reads their own miles, notifications, history. */
    public static final String CUSTOMER = "customer";
    /** Airline staff: registers and cancels schedules, reads any customer's reservations, books on a customer's behalf. */
    public static final String MANAGER = "manager";
    /** Runs the system: parked events, dead letters and their replay, refused outbox rows. */
    public static final String OPERATOR = "operator";
    /**
     * A service calling as itself (the client-credentials grant of its own client, {@link ServiceIdentity}),
     * never a person: no user of the realm has it. Only reservation's service account does, to open and
     * charge a payment with terms from its own record of the booking.
     */
    public static final String SERVICE = "service";

    private Roles() {}
}
