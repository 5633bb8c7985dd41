package com.msaair.mileage.adapter.in.rest;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.platform.rest.Page;
import java.time.Instant;

/** The mileage API's answers. */
public final class CustomerViews {

    private CustomerViews() {}

    public record CustomerView(String id, String name, String email, long mileage, Instant registeredAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.email().value(), c.balance(), c.registeredAt());
        }
    }

    public record EntryView(long reservationId, String kind, long miles, long balanceAfter, String eventId, Instant recordedAt) {
        static EntryView of(MileageEntry e) {
            return new EntryView(e.reservationId(), e.kind().name(), e.miles(), e.balanceAfter(), e.eventId(), e.recordedAt());
        }
    }

    /** The balance and one page of the ledger, newest first. */
    public record MileageView(String customerId, long balance, Page<EntryView> ledger) {}
}
