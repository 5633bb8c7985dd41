package com.msaair.reservation.application;

import static com.msaair.reservation.application.ReservationUseCases.CUSTOMER;
import static com.msaair.reservation.application.ReservationUseCases.FARE;
import static com.msaair.reservation.application.ReservationUseCases.FLIGHT;
import static com.msaair.reservation.application.ReservationUseCases.NOW;
import static com.msaair.reservation.application.ReservationUseCases.facts;
import static com.msaair.reservation.application.ReservationUseCases.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.DomainException.Kind;
import com.msaair.platform.domain.Money;
import com.msaair.platform.testing.RecordingOutbox.Published;
import com.msaair.reservation.application.ReservationUseCases.Charge;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.SeatState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Booking as the customer's request meets it: the customer check, the hold, the booking's own charge
 * and what its answer does to the hold — paid, declined, unknown method, pending — and the replay of an
 * idempotency key, also when a request with the same key commits first.
 */
class BookingServiceTest {

    private static final Money PRICE = new Money(250_000, "KRW");

    private final ReservationUseCases app = new ReservationUseCases().withFlight();

    private Booking book(String key) {
        return app.bookings.book(request(2, key));
    }

    private static void refused(Runnable booking, String code, Kind kind) {
        assertThatThrownBy(booking::run).isInstanceOfSatisfying(ReservationException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }

    @Test
    void aPaidBookingIsConfirmedAndAnnouncedHeldThenCreated() {
        Booking booking = book(null);

        Reservation reservation = booking.reservation();
        assertThat(booking.replayed()).isFalse();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.confirmedAt()).isEqualTo(NOW);
        assertThat(reservation.price()).as("the fare times the passengers").isEqualTo(PRICE);
        assertThat(app.customersChecked).containsExactly(CUSTOMER);
        assertThat(app.charges).as("charged once, its price, by its method, before the hold's capture deadline")
                .containsExactly(new Charge(1, PRICE, "pm_card_visa", NOW.plusSeconds(900 - 60)));
        assertThat(app.flight().seatsAvailable()).isEqualTo(178);
        assertThat(app.replica.seats(FLIGHT).count(SeatState.TAKEN)).isEqualTo(2);
        assertThat(app.outbox.types()).containsExactly(ReservationEvents.RESERVATION_HELD, ReservationEvents.RESERVATION_CREATED);
        for (Published event : app.outbox.published()) {
            assertThat(event.topic()).isEqualTo(ReservationEvents.TOPIC);
            assertThat(event.key()).as("a customer's events stay in order").isEqualTo(CUSTOMER);
            assertThat(event.event().correlationId()).as("the booking's flow").isEqualTo("1");
            assertThat(event.event().customerId()).isEqualTo(CUSTOMER);
            assertThat(event.event().occurredAt()).isEqualTo(NOW);
        }
        Published held = app.outbox.published().get(0);
        assertThat(held.event().data().getString("captureBefore")).as("what payment charges by").isEqualTo(NOW.plusSeconds(840).toString());
        assertThat(held.event().data().getString("holdExpiresAt")).isEqualTo(NOW.plusSeconds(900).toString());
        assertThat(held.event().data().getString("paymentMethod")).isEqualTo("pm_card_visa");
        Published created = app.outbox.published().get(1);
        assertThat(created.event().data().getInt("miles")).as("the flight's miles for each passenger").isEqualTo(200);
        assertThat(created.event().data().getBoolean("customerVerified")).isTrue();
        assertThat(created.event().causation()).as("caused by the booking's own charge, no event").isEmpty();
    }

    @Test
    void aDeclinedPaymentIsRefusedWithTheProcessorsReasonAndTheSeatsGoBackAtOnce() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.declined("insufficient_funds");

        assertThatThrownBy(() -> book(null)).isInstanceOfSatisfying(ReservationException.class, e -> {
            assertThat(e.code()).isEqualTo("payment-declined");
            assertThat(e.kind()).isEqualTo(Kind.PAYMENT_REQUIRED);
            assertThat(e.field()).isEqualTo("paymentMethod");
            assertThat(e.getMessage()).contains("insufficient_funds");
        });
        Reservation declined = app.bookings.get(1);
        assertThat(declined.status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(declined.releaseReason()).isEqualTo("insufficient_funds");
        assertThat(app.flight().seatsAvailable()).isEqualTo(180);
        assertThat(app.seats.occupied(FLIGHT)).isEmpty();
        assertThat(app.announced()).containsExactly("ReservationHeld 1 [1A, 1B]", "ReservationReleased 1 [1A, 1B]");
        Published released = app.outbox.published().get(1);
        assertThat(released.event().data().getString("status")).isEqualTo("PAYMENT_FAILED");
        assertThat(released.event().data().getString("reason")).isEqualTo("insufficient_funds");
    }

    @Test
    void aPaymentMethodTheProcessorDoesNotKnowIsABadRequestNotADecline() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.unknownMethod();

        refused(() -> book(null), "unknown-payment-method", Kind.UNPROCESSABLE);
        assertThat(app.bookings.get(1).status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(app.seats.occupied(FLIGHT)).isEmpty();
    }

    @Test
    void aPaymentWithoutAnAnswerInTimeLeavesTheBookingHeldUntilItsCaptureArrives() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;

        Reservation pending = app.book(2);

        assertThat(pending.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(app.replica.seats(FLIGHT).count(SeatState.HELD)).isEqualTo(2);
        assertThat(app.outbox.types()).containsExactly(ReservationEvents.RESERVATION_HELD);

        UUID captured = UUID.randomUUID();
        app.clock.advance(Duration.ofSeconds(30));
        app.holds.captured(pending.id(), PRICE, CUSTOMER, captured);

        assertThat(app.bookings.get(pending.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.bookings.get(pending.id()).confirmedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(app.replica.seats(FLIGHT).count(SeatState.TAKEN)).isEqualTo(2);
        assertThat(app.outbox.published()).last().satisfies(created -> {
            assertThat(created.type()).isEqualTo(ReservationEvents.RESERVATION_CREATED);
            assertThat(created.event().causationId()).as("caused by the PaymentCaptured").isEqualTo(captured);
        });
        assertThat(app.locks).as("the booking locked for the capture").endsWith("reservation " + pending.id());
    }

    @Test
    void aCaptureOfAnotherAmountOrFromAnotherCustomerConfirmsNothingAndIsReported() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;
        Reservation pending = app.book(2);

        app.holds.captured(pending.id(), new Money(1, "KRW"), CUSTOMER, UUID.randomUUID());
        app.holds.captured(pending.id(), PRICE, "c-2", UUID.randomUUID());

        assertThat(app.bookings.get(pending.id()).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(app.captureMismatches).containsExactly("1 1 KRW c-1", "1 250000 KRW c-2");
        assertThat(app.outbox.types()).containsExactly(ReservationEvents.RESERVATION_HELD);
    }

    @Test
    void aRepeatedKeyAnswersTheFirstBookingWithoutCheckingHoldingOrChargingAgain() {
        app.mileage = customerId -> CustomerCheck.UNVERIFIED; // never remembered (KnownCustomers): a second check would be asked
        Booking first = book("k-1");

        Booking again = book("k-1");

        assertThat(again.replayed()).isTrue();
        assertThat(again.reservation().id()).isEqualTo(first.reservation().id());
        assertThat(again.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.customersChecked).hasSize(1);
        assertThat(app.charges).hasSize(1);
        assertThat(app.reservations.all()).hasSize(1);
        assertThat(app.flight().seatsAvailable()).isEqualTo(178);
        assertThat(app.outbox.types()).hasSize(2);
        assertThat(book("k-2").reservation().id()).as("another key is another booking").isEqualTo(2);
    }

    @Test
    void aRepeatedKeyAnswersTheBookingAsItStandsNow() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;
        assertThat(book("k-1").reservation().status()).isEqualTo(ReservationStatus.HELD);
        app.holds.captured(1, PRICE, CUSTOMER, UUID.randomUUID());

        assertThat(book("k-1").reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.charges).hasSize(1);
    }

    @Test
    void aRepeatedKeyOfADeclinedBookingIsRefusedAgainAsItWasAndNotChargedAgain() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.declined("card_declined");
        refused(() -> book("k-1"), "payment-declined", Kind.PAYMENT_REQUIRED);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PAID;

        assertThatThrownBy(() -> book("k-1")).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.getMessage()).contains("card_declined"));
        assertThat(app.charges).hasSize(1);

        app.payment = (reservation, captureBefore) -> PaymentOutcome.unknownMethod();
        refused(() -> book("k-2"), "unknown-payment-method", Kind.UNPROCESSABLE);
        refused(() -> book("k-2"), "unknown-payment-method", Kind.UNPROCESSABLE);
        assertThat(app.charges).hasSize(2);
    }

    @Test
    void aKeyRepeatedForAnotherBookingIsRefusedBeforeAnythingIsHeld() {
        book("k-1");

        refused(() -> app.bookings.book(request(3, "k-1")), "idempotency-key-reused", Kind.UNPROCESSABLE);
        refused(() -> app.bookings.book(request(2, "k-1", "20A", "20B")), "idempotency-key-reused", Kind.UNPROCESSABLE);
        assertThat(app.reservations.all()).hasSize(1);
        assertThat(app.charges).hasSize(1);
    }

    /**
     * Two requests with one key at the same moment (a client's retry racing its first try): the other
     * commits while this one checks the customer, so this one's key is refused by the primary key and it
     * answers the other's booking. The in-memory ports roll nothing back: what this one held would go
     * with its transaction; what matters here is that it is answered the other's booking and charges nothing.
     */
    @Test
    void aRequestWhoseKeyAnotherCommittedMeanwhileAnswersThatBookingAndChargesNothing() {
        app.mileage = customerId -> {
            app.mileage = other -> CustomerCheck.VERIFIED;
            book("k-1");
            return CustomerCheck.VERIFIED;
        };

        Booking answered = book("k-1");

        assertThat(answered.replayed()).isTrue();
        assertThat(answered.reservation().id()).as("the other's").isEqualTo(1);
        assertThat(answered.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.charges).extracting(Charge::reservationId).containsExactly(1L);
        assertThat(app.outbox.types()).filteredOn(ReservationEvents.RESERVATION_CREATED::equals).hasSize(1);
    }

    @Test
    void aKeyAnotherCommittedMeanwhileForAnotherBookingIsRefused() {
        app.mileage = customerId -> {
            app.mileage = other -> CustomerCheck.VERIFIED;
            app.bookings.book(request(3, "k-1"));
            return CustomerCheck.VERIFIED;
        };

        refused(() -> book("k-1"), "idempotency-key-reused", Kind.UNPROCESSABLE);
        assertThat(app.charges).extracting(Charge::reservationId).containsExactly(1L);
    }

    @Test
    void aFailureThatIsNoRaceForTheKeyIsTheBookingsOwn() {
        ReservationUseCases noReplica = new ReservationUseCases();
        noReplica.schedule = scheduleId -> {
            throw new IllegalStateException("schedule did not answer");
        };

        assertThatThrownBy(() -> noReplica.bookings.book(request(2, "k-1"))).hasMessage("schedule did not answer");
        assertThat(noReplica.reservations.all()).isEmpty();
        assertThat(noReplica.charges).isEmpty();
    }

    @Test
    void aReplicaStartedMeanwhileByTheScheduleEventIsBookedOnAndAFailedStartFailsTheBooking() {
        ReservationUseCases racing = new ReservationUseCases();
        racing.schedule = scheduleId -> facts(FlightStatus.SCHEDULED);
        racing.flights.beforeInsert = () -> {
            racing.flights.beforeInsert = () -> {};
            racing.replica.scheduleCreated(facts(FlightStatus.SCHEDULED));
        };

        assertThat(racing.book(2).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(racing.flight().seatsAvailable()).isEqualTo(178);

        ReservationUseCases down = new ReservationUseCases();
        down.schedule = scheduleId -> facts(FlightStatus.SCHEDULED);
        down.flights.beforeInsert = () -> {
            throw new IllegalStateException("the database went away");
        };
        assertThatThrownBy(() -> down.book(2)).hasMessage("the database went away");
        assertThat(down.reservations.all()).isEmpty();
        assertThat(down.charges).isEmpty();
    }

    @Test
    void aCustomerMileageDoesNotKnowIsNotFoundAndOneItCannotCheckIsBookedUnverified() {
        app.mileage = customerId -> {
            throw ReservationException.customerNotFound(customerId);
        };
        refused(() -> book(null), "customer-not-found", Kind.NOT_FOUND);
        assertThat(app.reservations.all()).isEmpty();
        assertThat(app.outbox.published()).isEmpty();

        app.mileage = customerId -> CustomerCheck.UNVERIFIED;
        Reservation unverified = book(null).reservation();
        assertThat(unverified.customerVerified()).isFalse();
        assertThat(app.outbox.published()).last().satisfies(created -> assertThat(created.event().data().getBoolean("customerVerified")).isFalse());
    }

    @Test
    void aBookingTheFlightHasNoRoomForIsRefusedBeforeAnyCharge() {
        for (int i = 0; i < 20; i++) {
            app.bookings.book(request(9, null));
        }
        refused(() -> app.bookings.book(request(1, null)), "sold-out", Kind.CONFLICT);
        assertThat(app.charges).hasSize(20);
    }

    @Test
    void aCustomersBookingsAreTheirsNewestFirst() {
        book(null);
        app.bookings.book(new BookFlight("c-2", FLIGHT, 1, "pm_card_visa", java.util.Optional.empty(), List.of()));
        book(null);

        assertThat(app.bookings.ofCustomer(CUSTOMER, 0, 10)).extracting(Reservation::id).containsExactly(3L, 1L);
        assertThat(app.bookings.countOfCustomer(CUSTOMER)).isEqualTo(2);
        refused(() -> app.bookings.get(4), "reservation-not-found", Kind.NOT_FOUND);
    }

    @Test
    void aCustomersCancellationIsRefundedByTheFareRuleAndFreesTheSeatsAtOnce() {
        app.terms.refundBeforeDeparture = 80;
        app.terms.refundAfterDeparture = 10;
        Reservation paid = app.book(2);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;
        Reservation unpaid = app.book(1);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PAID;
        Reservation flown = app.book(1);
        app.locks.clear();

        Reservation cancelled = app.bookings.cancel(paid.id());

        assertThat(app.locks).as("flight first, then booking: the order of every step that gives seats back")
                .containsExactly("flight 5", "reservation 1");
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.refund()).as("80 % before departure").isEqualTo(new Money(200_000, "KRW"));
        assertThat(app.bookings.cancel(unpaid.id()).refund()).as("never paid: whatever lands goes back in full").isEqualTo(FARE);
        app.clock.advance(Duration.between(NOW, ReservationUseCases.DEPARTURE));
        assertThat(app.bookings.cancel(flown.id()).refund()).as("10 % from departure on").isEqualTo(new Money(12_500, "KRW"));
        assertThat(app.flight().seatsAvailable()).isEqualTo(180);
        assertThat(app.seats.occupied(FLIGHT)).isEmpty();
        Published event = app.outbox.published().stream().filter(p -> p.type().equals(ReservationEvents.RESERVATION_CANCELLED)).findFirst()
                .orElseThrow();
        assertThat(event.event().correlationId()).isEqualTo("1");
        assertThat(event.event().data().getString("reason")).isEqualTo("CUSTOMER_REQUEST");
        assertThat(event.event().data().getInt("miles")).as("what mileage takes back").isEqualTo(200);
        assertThat(event.event().data().getJsonObject("refund").getJsonNumber("amount").longValue()).isEqualTo(200_000);
        refused(() -> app.bookings.cancel(paid.id()), "reservation-cancelled", Kind.CONFLICT);
        refused(() -> app.bookings.cancel(99), "reservation-not-found", Kind.NOT_FOUND);
    }
}
