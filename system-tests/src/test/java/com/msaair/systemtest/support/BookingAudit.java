package com.msaair.systemtest.support;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.LoadDriver.Booked;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The crash suite's audit, for any test that ran a booking load through faults: afterwards each
 * service's own API must tell the same story as the clients. Every confirmed booking exists with the
 * status the client expects and nothing else does; balances are exact; history and notifications have
 * one entry per event, and they are the very events on the topics; seats add up on every flight; each
 * booking's ReservationCreated and ReservationCancelled is on the topic once; the money adds up.
 */
public final class BookingAudit {

    private final List<String> customers;
    private final Map<Long, Booked> booked;
    /** Bookings that were confirmed at some point (read by the audit): one cancelled while still held never was. */
    private final Set<Long> confirmedAtSomePoint = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> registrations = new HashSet<>();
    private Map<String, Set<String>> eventIdsByCustomer;
    /** reservation-events as read once, after the load, for the customers' events and the cancellations' count. */
    private List<Events.Event> reservationEvents;
    /** Every booking as it settled, by id (read by the audit of bookings, used by the audit of seats). */
    private final Map<Long, JsonObject> settled = new HashMap<>();

    /** {@code booked}: what the clients were told, with every booking of a cancelled flight marked cancelled. */
    public BookingAudit(List<String> customers, Map<Long, Booked> booked) {
        this.customers = List.copyOf(customers);
        this.booked = booked;
    }

    /**
     * Everything. {@code capacity}: the seats of every flight booked; {@code cancelledFlight}: the one the
     * airline cancelled (no seat taken on it), or -1; {@code minSoldOut}: how many flights must have sold out.
     */
    public void assertConsistent(Map<Long, Integer> capacity, long cancelledFlight, int minSoldOut) {
        bookingsBalancesAndViews();
        seats(capacity, cancelledFlight, minSoldOut);
        cancellationsExactlyOnce();
        MoneyAudit.assertConsistent(customers);
    }

    private void bookingsBalancesAndViews() {
        // 1. Every booking exists, with the status the client expects (one answered 202 HELD is paid in the background).
        for (Booked b : booked.values()) {
            JsonObject reservation = Eventually.await("reservation " + b.reservationId + " settled", Duration.ofSeconds(SystemStack.HOLD_SECONDS + 60),
                    () -> Api.reservation(b.reservationId), r -> !r.getString("status").equals("HELD"));
            assertThat(reservation.getString("status")).as("reservation " + b.reservationId)
                    .isEqualTo(b.cancelled ? "CANCELLED" : "CONFIRMED");
            settled.put(b.reservationId, reservation);
        }
        for (String customer : customers) {
            Set<Long> expected = booked.values().stream().filter(b -> b.customerId.equals(customer)).map(b -> b.reservationId).collect(Collectors.toSet());
            // 2. Nothing exists that no client was told about.
            Set<Long> actual = new HashSet<>();
            for (int page = 0; ; page++) {
                JsonObject list = Http.get(Api.url(Service.RESERVATION, "/api/reservations?size=100&page=" + page + "&customerId=" + customer),
                        Api.as(customer)).json();
                list.getJsonArray("items").getValuesAs(JsonObject.class).forEach(r -> actual.add(id(r)));
                if (page + 1 >= list.getInt("totalPages")) {
                    break;
                }
            }
            assertThat(actual).as("customer " + customer + "'s reservations").isEqualTo(expected);

            // 3. Balances are exact: the miles of the bookings still standing.
            long miles = booked.values().stream().filter(b -> b.customerId.equals(customer) && !b.cancelled).mapToLong(b -> b.miles).sum();
            Eventually.await("balance of customer " + customer, Duration.ofMinutes(3), () -> Api.balance(customer), balance -> balance == miles);

            // What each booking went through: confirmed at some point (a booking answered 202 may have been
            // cancelled with its flight while still held: no accrual then), money captured (then refunded if cancelled).
            Map<Long, JsonObject> views = new HashMap<>();
            all(Service.RESERVATION, "/api/reservations", customer).forEach(r -> views.put(id(r), r));
            Set<Long> captured = new HashSet<>();
            all(Service.PAYMENT, "/api/payments", customer).stream()
                    .filter(p -> p.getJsonObject("captured").getJsonNumber("amount").longValue() > 0)
                    .forEach(p -> captured.add(p.getJsonNumber("reservationId").longValue()));
            long accrued = 0;
            int events = 0;
            for (Booked b : booked.values()) {
                if (!b.customerId.equals(customer)) {
                    continue;
                }
                boolean confirmed = views.get(b.reservationId).containsKey("confirmedAt")
                        && !views.get(b.reservationId).isNull("confirmedAt");
                if (confirmed) {
                    confirmedAtSomePoint.add(b.reservationId);
                }
                accrued += confirmed ? 1 : 0;
                events += confirmed ? 2 : 0; // booked + miles added
                if (b.cancelled) {
                    events += 1 + (confirmed ? 1 : 0) + (captured.contains(b.reservationId) ? 1 : 0); // cancelled, miles removed, refunded
                }
            }
            long cancellations = booked.values().stream().filter(b -> b.customerId.equals(customer) && b.cancelled).count();
            List<JsonObject> ledger = ledger(customer);
            assertThat(ledger).as("one accrual per confirmed booking, one reversal per cancellation").hasSize((int) (accrued + cancellations));
            assertThat(ledger.stream().map(e -> e.getJsonNumber("reservationId") + e.getString("kind")).distinct().count()).isEqualTo(ledger.size());

            // 4. One history entry and one notification per event, by event id (and the registration, in the history).
            int expectedEvents = events;
            Eventually.await("history of customer " + customer, Duration.ofMinutes(2), () -> all(Service.HISTORY, "/api/history", customer).size(),
                    n -> n == 1 + expectedEvents);
            Eventually.await("notifications of customer " + customer, Duration.ofMinutes(2),
                    () -> all(Service.NOTIFICATION, "/api/notifications", customer).size(), n -> n == expectedEvents);
        }
        // 5. ... and they are the very events published about the customer, each once (read from the
        //    topics once everything above has arrived).
        for (String customer : customers) {
            Set<String> published = eventIdsOf(customer);
            List<String> history = all(Service.HISTORY, "/api/history", customer).stream().map(e -> e.getString("eventId")).toList();
            assertThat(history).as("customer " + customer + "'s history: each published event once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published);
            List<String> notified = all(Service.NOTIFICATION, "/api/notifications", customer).stream().map(n -> n.getString("eventId")).toList();
            assertThat(notified).as("customer " + customer + "'s notifications: each event but the registration, once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published.stream().filter(id -> !registrations.contains(id)).toList());
        }
    }


    /** The ids of every reservation and mileage event about {@code customer} on the topics (read once, after the load). */
    private Set<String> eventIdsOf(String customer) {
        if (eventIdsByCustomer == null) {
            eventIdsByCustomer = new HashMap<>();
            for (String topic : List.of("reservation-events", "mileage-events", "payment-events")) {
                for (Events.Event event : topic.equals("reservation-events") ? reservationEvents() : Events.on(topic)) {
                    JsonObject envelope = event.envelope();
                    if (KNOWN_TYPES.contains(event.type()) && envelope.get("customerId") instanceof jakarta.json.JsonString id) {
                        eventIdsByCustomer.computeIfAbsent(id.getString(), c -> new HashSet<>()).add(event.eventId());
                        if (event.type().equals("CustomerRegistered")) {
                            registrations.add(event.eventId());
                        }
                    }
                }
            }
        }
        return eventIdsByCustomer.getOrDefault(customer, Set.of());
    }

    /**
     * reservation-events, read once: by the time the audit reads it (after every history and notification
     * has arrived) the load is over, and nothing the audit does writes to it.
     */
    private List<Events.Event> reservationEvents() {
        if (reservationEvents == null) {
            reservationEvents = Events.on("reservation-events");
        }
        return reservationEvents;
    }

    /** The events that reach a customer's history and notifications (a hold and a capture do not; the confirmation does). */
    private static final Set<String> KNOWN_TYPES = Set.of("ReservationCreated", "ReservationCancelled", "MileageIncreased",
            "MileageDecreased", "CustomerRegistered", "PaymentRefunded");

    /**
     * Seats left on every flight = its capacity less the passengers of the bookings still standing on
     * it; and seat by seat: no seat held or taken by two bookings, each standing booking has a seat per
     * passenger, every TAKEN seat is a CONFIRMED booking's and every HELD seat a HELD booking's, every
     * other seat FREE, and the map's count of free seats is the flight's. The cancelled flight has freed
     * every seat, and none twice (its count is its capacity, not more, and each booking on it was
     * cancelled once: {@link #cancellationsExactlyOnce}).
     */
    private void seats(Map<Long, Integer> capacity, long cancelledFlight, int minSoldOut) {
        int soldOut = 0;
        for (Map.Entry<Long, Integer> flight : capacity.entrySet()) {
            int taken = booked.values().stream().filter(b -> b.scheduleId == flight.getKey() && !b.cancelled).mapToInt(b -> b.passengers).sum();
            JsonObject seats = Http.get(Api.url(Service.RESERVATION, "/api/flights/" + flight.getKey() + "/seats")).json();
            assertThat(seats.getInt("seatsAvailable")).as("seats left on flight " + flight.getKey()).isEqualTo(flight.getValue() - taken);

            Map<String, String> owners = new HashMap<>(); // seat -> the status of the standing booking that has it
            for (Booked b : booked.values()) {
                JsonObject view = settled.get(b.reservationId);
                String status = view.getString("status");
                if (b.scheduleId != flight.getKey() || !(status.equals("CONFIRMED") || status.equals("HELD"))) {
                    continue;
                }
                List<String> its = Api.seatsOf(view);
                assertThat(its).as("reservation " + b.reservationId + ": a seat per passenger").hasSize(b.passengers).doesNotHaveDuplicates();
                for (String seat : its) {
                    assertThat(owners.put(seat, status)).as("seat " + seat + " of flight " + flight.getKey() + " in two bookings").isNull();
                }
            }
            Map<String, Long> states = new HashMap<>();
            for (JsonObject seat : seats.getJsonArray("seats").getValuesAs(JsonObject.class)) {
                String state = seat.getString("state");
                String owner = owners.get(seat.getString("seat"));
                String expected = owner == null ? "FREE" : owner.equals("CONFIRMED") ? "TAKEN" : "HELD";
                assertThat(state).as("seat " + seat.getString("seat") + " of flight " + flight.getKey()).isEqualTo(expected);
                states.merge(state, 1L, Long::sum);
            }
            assertThat(seats.getInt("free")).as("the map's free seats are the flight's count").isEqualTo(seats.getInt("seatsAvailable"));
            assertThat(states.getOrDefault("FREE", 0L)).isEqualTo(seats.getInt("free"));
            assertThat(states.values().stream().mapToLong(Long::longValue).sum()).as("every seat of flight " + flight.getKey()).isEqualTo(flight.getValue().longValue());
            if (flight.getKey() == cancelledFlight) {
                assertThat(seats.getString("status")).isEqualTo("CANCELLED");
                assertThat(taken).isZero();
                assertThat(owners).isEmpty();
                assertThat(seats.getInt("seatsAvailable")).as("every seat freed, none twice").isEqualTo(flight.getValue());
            }
            if (seats.getInt("seatsAvailable") <= 1) {
                soldOut++;
            }
        }
        assertThat(soldOut).as("flights that sold out during the faults").isGreaterThanOrEqualTo(minSoldOut);
    }


    /**
     * Each cancelled booking's ReservationCancelled once, each confirmed booking's ReservationCreated once — by
     * event id: the relay publishes at least once, and a crash between the broker's acknowledgement
     * and the row's deletion sends the same event (same id) again, which every consumer recognises.
     */
    private void cancellationsExactlyOnce() {
        Map<String, Set<String>> created = new HashMap<>();
        Map<String, Set<String>> cancelled = new HashMap<>();
        for (Events.Event event : reservationEvents()) {
            if (event.type().equals("ReservationCreated")) {
                created.computeIfAbsent(event.correlationId(), c -> new HashSet<>()).add(event.eventId());
            } else if (event.type().equals("ReservationCancelled")) {
                cancelled.computeIfAbsent(event.correlationId(), c -> new HashSet<>()).add(event.eventId());
            }
        }
        for (Booked b : booked.values()) {
            String id = String.valueOf(b.reservationId);
            assertThat(created.getOrDefault(id, Set.of())).as("ReservationCreated of " + id)
                    .hasSize(confirmedAtSomePoint.contains(b.reservationId) ? 1 : 0);
            assertThat(cancelled.getOrDefault(id, Set.of())).as("ReservationCancelled of " + id).hasSize(b.cancelled ? 1 : 0);
        }
    }

    /** What the consumers set aside: DLT records, dead letters and mileage's parked events. */
    public record Parked(Map<String, Integer> deadLetterTopics, Map<Service, Long> deadLetters, long mileageParked) {
        public static Parked now() {
            Map<String, Integer> topics = new HashMap<>();
            for (String topic : List.of("schedule-events", "reservation-events", "mileage-events", "payment-events")) {
                // Counted, not read: a DLT is append-only (one partition, retention -1, no compaction, no
                // transactions' markers), so its end offset less its beginning is the number of its records.
                topics.put(topic, Math.toIntExact(KafkaProbe.count(topic + ".DLT")));
            }
            Map<Service, Long> letters = new HashMap<>();
            for (Service service : List.of(Service.RESERVATION, Service.MILEAGE, Service.NOTIFICATION, Service.HISTORY, Service.PAYMENT)) {
                letters.put(service, Http.get(Api.url(service, "/api/dead-letters?size=1"), Api.operator()).json().getJsonNumber("totalItems").longValue());
            }
            long parked = Http.get(Api.url(Service.MILEAGE, "/api/parked-events?size=1"), Api.operator()).json().getJsonNumber("totalItems").longValue();
            return new Parked(topics, letters, parked);
        }
    }

    private static List<JsonObject> ledger(String customer) {
        List<JsonObject> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject ledger = Http.get(Api.url(Service.MILEAGE, "/api/customers/" + customer + "/mileage?size=100&page=" + page), Api.as(customer)).json()
                    .getJsonObject("ledger");
            entries.addAll(ledger.getJsonArray("items").getValuesAs(JsonObject.class));
            if (page + 1 >= ledger.getInt("totalPages")) {
                return entries;
            }
        }
    }

    private static List<JsonObject> all(Service service, String path, String customer) {
        List<JsonObject> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject list = Http.get(Api.url(service, path + "?size=100&page=" + page + "&customerId=" + customer), Api.as(customer)).json();
            items.addAll(list.getJsonArray("items").getValuesAs(JsonObject.class));
            if (page + 1 >= Math.max(1, list.getInt("totalPages"))) {
                return items;
            }
        }
    }
}
