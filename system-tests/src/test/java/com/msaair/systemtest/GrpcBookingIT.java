package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.booking.v1.BookReply;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.CancelRequest;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.ListMineRequest;
import com.msaair.booking.v1.Reservation;
import com.msaair.booking.v1.ReservationStatus;
import com.msaair.booking.v1.WatchRequest;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Grpc;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The booking API over gRPC is the same bookings as over REST (docs/grpc.md): one customer books over
 * both, and each protocol meets the same rules (sold out, a seat taken, a cancelled flight, a declined
 * card, a reused idempotency key) with its own words for them; each booking causes the same events on
 * the topics, the same miles, notifications and history, whichever way it came; and a Watch sees a
 * slow payment's booking go from HELD to CONFIRMED, through the gateway.
 */
@Order(10)
@ExtendWith(SystemStack.class)
class GrpcBookingIT {

    @Test
    void bookingsOverGrpcAndRestAreTheSameBookingsWithTheSameConsequences() {
        JsonObject flight = Api.registerFlight(10, 700);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);

        BookReply overGrpc = Grpc.as(bearer).book(Grpc.booking(id(flight), 2, Api.VISA));
        JsonObject overRest = Api.booked(customer, id(flight), 2);
        long grpcId = overGrpc.getReservation().getId();
        long restId = id(overRest);

        assertThat(overGrpc.getReplayed()).isFalse();
        assertThat(overGrpc.getReservation().getStatus()).isIn(ReservationStatus.RESERVATION_STATUS_CONFIRMED, ReservationStatus.RESERVATION_STATUS_HELD);
        Reservation confirmed = Eventually.await("the gRPC booking confirmed", () -> Grpc.as(bearer).get(GetRequest.newBuilder().setId(grpcId).build()),
                r -> r.getStatus() == ReservationStatus.RESERVATION_STATUS_CONFIRMED);
        // The same booking as REST shows it, and priced and accrued by the same rules.
        JsonObject viaRest = Api.reservation(grpcId);
        assertThat(confirmed.getCustomerId()).isEqualTo(customer).isEqualTo(viaRest.getString("customerId"));
        assertThat(confirmed.getMiles()).isEqualTo(viaRest.getInt("miles")).isEqualTo(overRest.getInt("miles")).isEqualTo(1400);
        assertThat(confirmed.getPrice().getAmount()).isEqualTo(viaRest.getJsonObject("price").getJsonNumber("amount").longValue())
                .isEqualTo(overRest.getJsonObject("price").getJsonNumber("amount").longValue());
        assertThat(confirmed.getSeatsList()).isEqualTo(Api.seatsOf(viaRest)).hasSize(2);
        assertThat(Grpc.as(bearer).listMine(ListMineRequest.getDefaultInstance()).getReservationsList()).extracting(Reservation::getId)
                .contains(grpcId, restId);

        // The same events, each booking's own, whichever protocol it came by.
        for (long booking : List.of(grpcId, restId)) {
            Eventually.await("booking " + booking + " confirmed on reservation-events",
                    () -> Events.correlated("reservation-events", "ReservationCreated", booking), e -> e.size() == 1);
            assertThat(Events.correlated("reservation-events", "ReservationHeld", booking)).hasSize(1);
            Eventually.await("booking " + booking + "'s payment captured", () -> Events.correlated("payment-events", "PaymentCaptured", booking),
                    e -> e.size() == 1);
            Eventually.await("booking " + booking + "'s miles", () -> Events.correlated("mileage-events", "MileageIncreased", booking), e -> e.size() == 1);
        }
        assertThat(Events.correlated("reservation-events", "ReservationCreated", grpcId).get(0).data().getInt("miles"))
                .isEqualTo(Events.correlated("reservation-events", "ReservationCreated", restId).get(0).data().getInt("miles"));
        Eventually.await("both bookings' miles", () -> Api.balance(customer), balance -> balance == 2800);
        Eventually.await("a confirmation for each", () -> messages(customer),
                m -> m.stream().filter(text -> text.contains("Reservation " + grpcId + " is confirmed")).count() == 1
                        && m.stream().filter(text -> text.contains("Reservation " + restId + " is confirmed")).count() == 1);
        Eventually.await("each in the history", () -> Api.history(customer).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("kind").equals("BOOKED")).count(), booked -> booked == 2);

        // Cancelled over gRPC: refunded, miles reversed, as a REST cancellation is.
        Reservation cancelled = Grpc.as(bearer).cancel(CancelRequest.newBuilder().setId(grpcId).build());
        assertThat(cancelled.getStatus()).isEqualTo(ReservationStatus.RESERVATION_STATUS_CANCELLED);
        assertThat(cancelled.getRefund().getAmount()).isEqualTo(cancelled.getPrice().getAmount());
        Eventually.await("the cancellation on reservation-events", () -> Events.correlated("reservation-events", "ReservationCancelled", grpcId),
                e -> e.size() == 1);
        Eventually.await("its miles reversed", () -> Api.balance(customer), balance -> balance == 1400);
        assertThat(Http.delete(Api.url(com.msaair.localstack.Service.RESERVATION, "/api/reservations/" + grpcId), bearer).status())
                .as("already cancelled, over REST too").isEqualTo(409);
        StatusRuntimeException again = Grpc.refusal(() -> Grpc.as(bearer).cancel(CancelRequest.newBuilder().setId(grpcId).build()));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.reason(again)).contains("RESERVATION_CANCELLED");
    }

    @Test
    void soldOutIsAConflictEitherWay() {
        JsonObject flight = Api.registerFlight(2, 100);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);
        Grpc.as(bearer).book(Grpc.booking(id(flight), 1, Api.VISA));
        Api.booked(customer, id(flight), 1);

        StatusRuntimeException overGrpc = Grpc.refusal(() -> Grpc.as(bearer).book(Grpc.booking(id(flight), 1, Api.VISA)));
        Http.Reply overRest = Api.book(customer, id(flight), 1);

        assertThat(overGrpc.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.reason(overGrpc)).contains("SOLD_OUT");
        assertThat(Grpc.fields(overGrpc)).containsExactly("passengers");
        assertThat(overRest.status()).isEqualTo(409);
        assertThat(overRest.json().getString("type")).endsWith("sold-out");
    }

    @Test
    void aSeatTakenOverOneProtocolIsTakenOverTheOtherAndTheRefusalNamesIt() {
        JsonObject flight = Api.registerFlight("A321", 100);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);
        Api.bookedSeats(customer, id(flight), List.of("12A"));
        Reservation viaGrpc = Grpc.as(bearer).book(BookRequest.newBuilder(Grpc.booking(id(flight), 1, Api.VISA)).addSeats("14C").build())
                .getReservation();
        assertThat(viaGrpc.getSeatsList()).containsExactly("14C");

        StatusRuntimeException overGrpc = Grpc.refusal(() -> Grpc.as(bearer).book(BookRequest.newBuilder(Grpc.booking(id(flight), 1, Api.VISA))
                .addSeats("12A").build()));
        Http.Reply overRest = Api.bookSeats(customer, id(flight), List.of("14C"), Api.VISA);

        assertThat(overGrpc.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(overGrpc.getStatus().getDescription()).contains("12A");
        assertThat(Grpc.reason(overGrpc)).contains("SEAT_TAKEN");
        assertThat(Grpc.fields(overGrpc)).containsExactly("seats");
        assertThat(overRest.status()).isEqualTo(409);
        assertThat(overRest.json().getString("detail")).contains("14C");
        assertThat(Api.occupiedSeats(id(flight))).containsOnlyKeys("12A", "14C");
    }

    @Test
    void aCancelledFlightADeclinedCardAndAReusedKeyAreRefusedAsOverRest() {
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);
        JsonObject flight = Api.registerFlight(10, 100);

        StatusRuntimeException declined = Grpc.refusal(() -> Grpc.as(bearer).book(Grpc.booking(id(flight), 2, "pm_card_insufficient_funds")));
        assertThat(declined.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(declined.getStatus().getDescription()).contains("insufficient_funds");
        assertThat(Grpc.fields(declined)).containsExactly("payment_method");
        assertThat(Api.book(customer, id(flight), 2, "pm_card_insufficient_funds", Map.of()).status()).isEqualTo(402);
        assertThat(Api.occupiedSeats(id(flight))).as("the seats went back at once").isEmpty();

        BookRequest keyed = BookRequest.newBuilder(Grpc.booking(id(flight), 1, Api.VISA)).setIdempotencyKey("grpc-" + customer).build();
        BookReply first = Grpc.as(bearer).book(keyed);
        BookReply again = Grpc.as(bearer).book(keyed);
        assertThat(again.getReplayed()).isTrue();
        assertThat(again.getReservation().getId()).isEqualTo(first.getReservation().getId());
        StatusRuntimeException reused = Grpc.refusal(() -> Grpc.as(bearer).book(BookRequest.newBuilder(keyed).setPassengers(2).build()));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(Grpc.fields(reused)).containsExactly("idempotency_key");
        // The key is the customer's whichever protocol used it first.
        assertThat(Api.book(customer, id(flight), 1, Map.of("Idempotency-Key", "grpc-" + customer)).header("Idempotent-Replayed")).contains("true");

        assertThat(Api.cancelFlight(id(flight)).status()).isEqualTo(200);
        Api.awaitCancelledInReservation(id(flight));
        StatusRuntimeException cancelled = Grpc.refusal(() -> Grpc.as(bearer).book(Grpc.booking(id(flight), 1, Api.VISA)));
        assertThat(cancelled.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.reason(cancelled)).contains("FLIGHT_CANCELLED");
        assertThat(Grpc.fields(cancelled)).containsExactly("schedule_id");
        assertThat(Api.book(customer, id(flight), 1).status()).isEqualTo(409);
        StatusRuntimeException unknown = Grpc.refusal(() -> Grpc.as(bearer).book(Grpc.booking(987_654_321L, 1, Api.VISA)));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(Grpc.fields(unknown)).containsExactly("schedule_id");
    }

    @Test
    void watchSeesASlowPaymentsBookingGoFromHeldToConfirmedThroughTheGateway() {
        JsonObject flight = Api.registerFlight(10, 100);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);

        BookReply booked = Grpc.gateway().as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS).book(Grpc.booking(id(flight), 1, "pm_card_slow"));
        assertThat(booked.getReservation().getStatus()).as("the processor answers after 5 s; the booking does not wait")
                .isEqualTo(ReservationStatus.RESERVATION_STATUS_HELD);

        List<ReservationStatus> seen = new ArrayList<>();
        Grpc.gateway().as(bearer).withDeadlineAfter(90, TimeUnit.SECONDS)
                .watch(WatchRequest.newBuilder().setId(booked.getReservation().getId()).build())
                .forEachRemaining(update -> seen.add(update.getStatus()));

        assertThat(seen).as("as it stood, then as it was settled; then the stream ended by itself")
                .containsExactly(ReservationStatus.RESERVATION_STATUS_HELD, ReservationStatus.RESERVATION_STATUS_CONFIRMED);
        assertThat(Api.reservation(booked.getReservation().getId()).getString("status")).isEqualTo("CONFIRMED");
        Eventually.await("its miles", Duration.ofSeconds(60), () -> Api.balance(customer), balance -> balance == 100);
    }

    private static List<String> messages(String customer) {
        return Api.notifications(customer).getValuesAs(JsonObject.class).stream().map(n -> n.getString("message")).toList();
    }
}
