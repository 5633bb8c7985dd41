package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static com.msaair.systemtest.support.Traces.has;
import static com.msaair.systemtest.support.Traces.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Circuits;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.KafkaProbe;
import com.msaair.systemtest.support.Metrics;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.Traces;
import com.msaair.systemtest.support.Traces.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A booking seen by an operator: one trace across HTTP, the outbox and Kafka in the real trace
 * backend (Zipkin), also when Kafka was down in between; metrics that move as the system works; a JSON
 * log line that leads to the trace. Each booking sends its own W3C traceparent, so the test knows the
 * trace id to ask the backend for (Liberty continues a caller's trace, as it would a gateway's).
 */
@Order(5)
@ExtendWith(SystemStack.class)
class ObservabilityIT {

    private static final Duration TRACE_WAIT = Duration.ofSeconds(90);
    private static final Set<String> CONSUMERS_OF_RESERVATIONS = Set.of("mileage", "notification", "history", "payment");

    @AfterEach
    void everythingBackUp() {
        if (!SystemStack.stack().kafka().isRunning()) {
            SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        }
        LibertyServer mileage = SystemStack.server(Service.MILEAGE);
        if (!mileage.isRunning()) {
            mileage.start();
            mileage.awaitReady(SystemStack.START_TIMEOUT);
        }
        SystemStack.awaitHealthy();
    }

    @Test
    void aBookingIsOneTraceFromItsRequestToTheMilesTheMailAndTheHistory() throws Exception {
        // The trace shows the customer check only when it is asked, not answered by a fallback; the flight
        // check only when reservation's replica did not have the flight yet.
        Circuits.awaitClosed(Circuits.FLIGHT_CHECK);
        Circuits.awaitClosed(Circuits.CUSTOMER_CHECK);
        long flight = id(Api.registerFlight(10, 500));
        String customer = Api.newCustomer();
        Traces.Context context = Traces.newContext();
        Http.Reply reply = Api.book(customer, flight, 2, Api.VISA, Map.of("traceparent", context.traceparent()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        long reservation = id(reply.json());

        List<Span> trace = Eventually.await("the booking's trace, through every service", TRACE_WAIT, () -> Traces.trace(context.traceId()),
                ObservabilityIT::hasEverySpanOfAPaidBooking);

        // The request: a child of the caller's span, with the customer check, the charge and — when the replica
        // did not have the flight yet — the flight check under it.
        Span request = single(where(trace, "reservation", "SERVER", "post /api/reservations"));
        assertThat(request.parentId()).isEqualTo(context.parentSpanId());
        assertThat(where(trace, "schedule", "SERVER", "get /api/schedules/{id}")).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(s -> assertThat(parentOf(trace, s).parentId()).isEqualTo(request.id()));
        assertThat(where(trace, "payment", "SERVER", "post /api/payments")).singleElement()
                .satisfies(s -> assertThat(parentOf(trace, s).parentId()).isEqualTo(request.id()));

        // The relay's publishes continue what wrote them: ReservationHeld the request; ReservationCreated the
        // request, or reservation applying PaymentCaptured — whichever confirmed the booking first.
        Set<String> writers = new java.util.HashSet<>(Set.of(request.id()));
        where(trace, "reservation", "CONSUMER", "process payment-events").forEach(s -> writers.add(s.id()));
        List<Span> sends = where(trace, "reservation", "PRODUCER", "send reservation-events");
        assertThat(sends.stream().map(Span::parentId)).contains(request.id());
        assertThat(sends).as("ReservationHeld and ReservationCreated, each published once").filteredOn(s -> !s.failed()).hasSize(2);
        assertThat(sends).allSatisfy(send -> {
            assertThat(writers).contains(send.parentId());
            assertThat(send.tag("messaging.system")).isEqualTo("kafka");
            assertThat(send.tag("messaging.destination.name")).isEqualTo("reservation-events");
            assertThat(send.tag("messaging.operation.type")).isEqualTo("send");
        });
        Set<String> sendIds = sends.stream().map(Span::id).collect(Collectors.toSet());
        // Each consumer takes each of them as a child of its publish: it applies one and ignores the other (mileage,
        // notification and history have nothing to do for a hold, payment nothing for a confirmation).
        for (String service : CONSUMERS_OF_RESERVATIONS) {
            // Once each; a redelivery (after a rebalance) would add a "duplicate" span, also a child of its send.
            List<Span> processed = where(trace, service, "CONSUMER", "process reservation-events");
            assertThat(processed).as(service).filteredOn(p -> "applied".equals(p.tag("msaair.message.outcome"))).hasSize(1);
            assertThat(processed).as(service).filteredOn(p -> "ignored".equals(p.tag("msaair.message.outcome"))).hasSize(1);
            assertThat(processed).as(service).allSatisfy(process -> {
                assertThat(sendIds).contains(process.parentId());
                assertThat(process.tag("messaging.consumer.group.name")).isEqualTo(service);
            });
        }
        // Mileage's MileageIncreased carries the trace on: published under the span that applied
        // ReservationCreated, consumed by notification and history as its children.
        Span miles = single(published(where(trace, "mileage", "PRODUCER", "send mileage-events")));
        Span applied = parentOf(trace, miles);
        assertThat(applied.service()).isEqualTo("mileage");
        assertThat(applied.tag("msaair.event.type")).isEqualTo("ReservationCreated");
        for (String service : List.of("notification", "history")) {
            assertThat(where(trace, service, "CONSUMER", "process mileage-events")).as(service).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.parentId()).isEqualTo(miles.id()));
        }
        // Payment's PaymentCaptured too: reservation, notification and history apply it within the booking's trace.
        Span captured = single(published(where(trace, "payment", "PRODUCER", "send payment-events")));
        for (String service : List.of("reservation", "notification", "history")) {
            assertThat(where(trace, service, "CONSUMER", "process payment-events")).as(service).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.parentId()).isEqualTo(captured.id()));
        }

        // The booking's JSON log line carries the same trace id.
        String line = Eventually.await("the booking's log line", () -> Files.readAllLines(SystemStack.server(Service.RESERVATION).messagesLog(),
                        StandardCharsets.UTF_8).stream().filter(l -> l.contains("\"message\":\"Reservation " + reservation + " CONFIRMED")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(line).startsWith("{").contains("\"ext_traceId\":\"" + context.traceId() + "\"").contains("\"loglevel\":\"INFO\"");
    }

    @Test
    void aBookingMadeWhileKafkaWasDownJoinsItsTraceOnceKafkaIsBack() {
        long flight = id(Api.registerFlight(10, 500));
        String customer = Api.newCustomer();
        SystemStack.stack().kafka().stop();
        Traces.Context context = Traces.newContext();
        Http.Reply reply = Api.book(customer, flight, 1, Api.VISA, Map.of("traceparent", context.traceparent()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Span> whileDown = Eventually.await("the request's spans", TRACE_WAIT, () -> Traces.trace(context.traceId()),
                has("reservation", "SERVER", "post /api/reservations"));
        assertThat(whileDown).noneMatch(s -> s.kind().equals("CONSUMER"));
        assertThat(where(whileDown, "reservation", "PRODUCER", "send reservation-events")).as("nothing published yet")
                .allMatch(Span::failed);

        SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        List<Span> trace = Eventually.await("the events' spans in the booking's trace", TRACE_WAIT, () -> Traces.trace(context.traceId()),
                spans -> CONSUMERS_OF_RESERVATIONS.stream().allMatch(s -> where(spans, s, "CONSUMER", "process reservation-events").size() >= 2)
                        && has("mileage", "PRODUCER", "send mileage-events").test(spans)
                        && published(where(spans, "reservation", "PRODUCER", "send reservation-events")).size() >= 2);
        Span request = single(where(trace, "reservation", "SERVER", "post /api/reservations"));
        // Every attempt to publish continues the request that wrote the rows, those that failed during the
        // outage too; one of them may have reached the broker even so (a failed acknowledgement does not
        // mean "not written"), and its consumers are then its children.
        List<Span> sends = where(trace, "reservation", "PRODUCER", "send reservation-events");
        assertThat(sends).allSatisfy(send -> assertThat(send.parentId()).isEqualTo(request.id()));
        assertThat(sends).as("published after the outage").anyMatch(s -> !s.failed());
        Set<String> sendIds = sends.stream().map(Span::id).collect(Collectors.toSet());
        for (String service : CONSUMERS_OF_RESERVATIONS) {
            assertThat(where(trace, service, "CONSUMER", "process reservation-events")).as(service)
                    .allSatisfy(process -> assertThat(sendIds).contains(process.parentId()));
        }
    }

    @Test
    void metricsMoveAsTheSystemWorks() {
        long flight = id(Api.registerFlight(100, 100));
        String customer = Api.newCustomer();

        double confirmed = Metrics.application(Service.RESERVATION, "msaair_bookings_total", "outcome=\"confirmed\"");
        for (int i = 0; i < 5; i++) {
            assertThat(Api.book(customer, flight, 1).status()).isEqualTo(201);
        }
        assertThat(Metrics.application(Service.RESERVATION, "msaair_bookings_total", "outcome=\"confirmed\"")).isEqualTo(confirmed + 5);
        assertThat(Api.book(customer, id(Api.registerFlight(2, 100)), 3).status()).as("sold out").isEqualTo(409);
        Eventually.await("a sold-out answer counted", () -> Metrics.application(Service.RESERVATION, "msaair_bookings_total", "outcome=\"sold-out\""),
                n -> n >= 1);

        String[] parked = {"channel=\"reservation-events\"", "outcome=\"parked\""};
        double parkedBefore = Metrics.application(Service.MILEAGE, "msaair_consumer_messages_total", parked);
        KafkaProbe.produce("reservation-events", "poison", "{\"not\":\"an event\"}", Map.of());
        Eventually.await("mileage counted the poison message as parked", () -> Metrics.application(Service.MILEAGE, "msaair_consumer_messages_total", parked),
                n -> n == parkedBefore + 1);
        assertThat(Metrics.application(Service.MILEAGE, "msaair_dead_letters_parked")).as("waiting for an operator").isGreaterThanOrEqualTo(1);

        // Mileage stopped: its group's backlog on reservation-events grows, as reservation (upstream) sees it.
        String[] mileageLag = {"group=\"mileage\"", "topic=\"reservation-events\""};
        Eventually.await("no backlog to start with", () -> Metrics.application(Service.RESERVATION, "msaair_consumer_lag", mileageLag), n -> n == 0);
        SystemStack.server(Service.MILEAGE).stop();
        for (int i = 0; i < 3; i++) {
            assertThat(Api.book(customer, flight, 1).status()).isEqualTo(201);
        }
        Eventually.await("the backlog grew by each booking's ReservationHeld and ReservationCreated",
                () -> Metrics.application(Service.RESERVATION, "msaair_consumer_lag", mileageLag), n -> n >= 6);
        SystemStack.server(Service.MILEAGE).start();
        SystemStack.server(Service.MILEAGE).awaitReady(SystemStack.START_TIMEOUT);
        Eventually.await("drained once mileage is back", Duration.ofSeconds(90),
                () -> Metrics.application(Service.RESERVATION, "msaair_consumer_lag", mileageLag), n -> n == 0);
        Eventually.await("mileage itself agrees", () -> Metrics.application(Service.MILEAGE, "msaair_consumer_lag", mileageLag), n -> n == 0);
        assertThat(Metrics.application(Service.RESERVATION, "msaair_outbox_oldest_age_seconds")).isLessThan(60);
        assertThat(Metrics.application(Service.RESERVATION, "msaair_ready")).isEqualTo(1);
    }

    /**
     * Every span the booking's trace is checked for below. Each service exports its spans on its own
     * schedule, so a trace in Zipkin fills in piece by piece: waiting for some of them (the consumers')
     * let the request's own span, exported a moment later by reservation, be missing when it was read.
     */
    private static boolean hasEverySpanOfAPaidBooking(List<Span> spans) {
        boolean consumersTookBothEvents = CONSUMERS_OF_RESERVATIONS.stream().allMatch(service -> {
            List<Span> processed = where(spans, service, "CONSUMER", "process reservation-events");
            return processed.stream().anyMatch(p -> "applied".equals(p.tag("msaair.message.outcome")))
                    && processed.stream().anyMatch(p -> "ignored".equals(p.tag("msaair.message.outcome")));
        });
        return consumersTookBothEvents
                && has("reservation", "SERVER", "post /api/reservations").test(spans)
                && has("payment", "SERVER", "post /api/payments").test(spans)
                && published(where(spans, "reservation", "PRODUCER", "send reservation-events")).size() >= 2
                && has("mileage", "PRODUCER", "send mileage-events").test(spans)
                && has("payment", "PRODUCER", "send payment-events").test(spans)
                && Stream.of("notification", "history").allMatch(service -> has(service, "CONSUMER", "process mileage-events").test(spans))
                && Stream.of("reservation", "notification", "history").allMatch(service -> has(service, "CONSUMER", "process payment-events").test(spans));
    }

    /** The sends the broker acknowledged. */
    private static List<Span> published(List<Span> sends) {
        return sends.stream().filter(s -> !s.failed()).toList();
    }

    private static Span single(List<Span> spans) {
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    private static Span parentOf(List<Span> trace, Span span) {
        return Traces.byId(trace, span.parentId()).orElseThrow(() -> new AssertionError("no parent of " + span + " in " + trace));
    }
}
