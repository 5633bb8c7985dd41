package com.msaair.reservation.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.CancellationReason;
import com.msaair.booking.v1.Money;
import com.msaair.booking.v1.Reservation;
import com.msaair.booking.v1.ReservationStatus;
import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.CustomerIds;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.domain.Seat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The booking API's messages to and from the application's types. A request is checked as REST's
 * BookingRequest checks its JSON (the same bounds, the same shapes), every fault named by its field in
 * the .proto; proto3 has no "absent" for numbers and strings, so 0 and "" are what a missing value
 * looks like.
 */
final class BookingMessages {

    /** A processor's token, as REST takes it: anything else (a card number above all) is refused, never stored or logged. */
    static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[a-z0-9_]{1,60}");
    /** An idempotency key, as REST's Idempotency-Key header takes it. */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private BookingMessages() {}

    /** The booking {@code request} asks for, on behalf of whom the caller may book for. */
    static BookFlight command(BookRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (request.getScheduleId() < 1) {
            errors.add(new FieldError("schedule_id", request.getScheduleId() == 0 ? "is required" : "must be at least 1"));
        }
        if (request.getPassengers() < 1 || request.getPassengers() > com.msaair.reservation.domain.Reservation.MAX_PASSENGERS) {
            errors.add(new FieldError("passengers", request.getPassengers() == 0 ? "is required"
                    : "must be between 1 and " + com.msaair.reservation.domain.Reservation.MAX_PASSENGERS));
        }
        List<String> seats = request.getSeatsList();
        if (seats.size() > com.msaair.reservation.domain.Reservation.MAX_PASSENGERS) {
            errors.add(new FieldError("seats", "must name at most " + com.msaair.reservation.domain.Reservation.MAX_PASSENGERS + " seats"));
        } else if (seats.stream().anyMatch(seat -> !Seat.FORMAT.matcher(seat).matches())) {
            errors.add(new FieldError("seats", "must each be " + Seat.EXPECTED));
        } else if (new HashSet<>(seats).size() != seats.size()) {
            errors.add(new FieldError("seats", "must name each seat once"));
        } else if (!seats.isEmpty() && request.getPassengers() > 0 && seats.size() != request.getPassengers()) {
            errors.add(new FieldError("seats", "must name one seat per passenger: " + request.getPassengers() + " passenger(s), "
                    + seats.size() + " seat(s)"));
        }
        if (request.getPaymentMethod().isEmpty()) {
            errors.add(new FieldError("payment_method", "is required"));
        } else if (!PAYMENT_METHOD.matcher(request.getPaymentMethod()).matches()) {
            errors.add(new FieldError("payment_method", "must be a payment method token such as pm_card_visa"));
        }
        String key = request.getIdempotencyKey();
        if (!key.isEmpty() && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            errors.add(new FieldError("idempotency_key", "must be 1 to 100 visible ASCII characters"));
        }
        String named = request.getCustomerId();
        if (!named.isEmpty() && !CustomerIds.isValid(named)) {
            errors.add(new FieldError("customer_id", "must be " + CustomerIds.EXPECTED));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String customerId = caller.customerFor("customer_id", named.isEmpty() ? null : named, Roles.MANAGER);
        return new BookFlight(customerId, request.getScheduleId(), request.getPassengers(), request.getPaymentMethod(),
                key.isEmpty() ? Optional.empty() : Optional.of(key), List.copyOf(seats));
    }

    /** A reservation id of a request: required, positive. */
    static long id(long id) {
        if (id < 1) {
            throw new InvalidRequestException("id", id == 0 ? "is required" : "must be at least 1");
        }
        return id;
    }

    /** A reservation as REST's ReservationView shows it. */
    static Reservation reservation(com.msaair.reservation.domain.Reservation r) {
        Reservation.Builder message = Reservation.newBuilder()
                .setId(r.id())
                .setCustomerId(r.customerId())
                .setScheduleId(r.scheduleId())
                .setPassengers(r.passengers())
                .addAllSeats(r.seats().stream().map(Seat::toString).toList())
                .setMiles(r.miles())
                .setStatus(ReservationStatus.valueOf("RESERVATION_STATUS_" + r.status().name()))
                .setCustomerVerified(r.customerVerified());
        // Bookings made before fares, payments or the flight's number was copied have none of them.
        Optional.ofNullable(r.flightNumber()).ifPresent(message::setFlightNumber);
        Optional.ofNullable(r.price()).map(BookingMessages::money).ifPresent(message::setPrice);
        Optional.ofNullable(r.paymentMethod()).ifPresent(message::setPaymentMethod);
        timestamp(r.departureTime()).ifPresent(message::setDepartureTime);
        timestamp(r.holdExpiresAt()).ifPresent(message::setHoldExpiresAt);
        timestamp(r.createdAt()).ifPresent(message::setCreatedAt);
        timestamp(r.confirmedAt()).ifPresent(message::setConfirmedAt);
        timestamp(r.releasedAt()).ifPresent(message::setReleasedAt);
        timestamp(r.cancelledAt()).ifPresent(message::setCancelledAt);
        if (r.releaseReason() != null) {
            message.setReleaseReason(r.releaseReason());
        }
        if (r.cancellationReason() != null) {
            message.setCancellationReason(CancellationReason.valueOf("CANCELLATION_REASON_" + r.cancellationReason().name()));
        }
        if (r.status() == com.msaair.reservation.domain.ReservationStatus.CANCELLED && r.refund() != null) {
            message.setRefund(money(r.refund()));
        }
        return message.build();
    }

    private static Money money(com.msaair.platform.domain.Money money) {
        return Money.newBuilder().setAmount(money.amount()).setCurrency(money.currency()).build();
    }

    private static Optional<Timestamp> timestamp(Instant at) {
        return Optional.ofNullable(at).map(i -> Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build());
    }
}
