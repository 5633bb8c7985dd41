package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.localstack.DatabaseServer;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema migrations, with real servers on the run's database server (the Derby Network Server, or
 * PostgreSQL): a database the previous release created is migrated by this one with its rows intact
 * and its bookings seated (and a new booking never gets one of their seats), and two servers starting
 * at once against one empty database both come up, the schema made once.
 */
@Order(11)
@ExtendWith(SystemStack.class)
class SchemaMigrationIT {

    private static final String PREVIOUS = "reservation_previous";
    private static final String EMPTY = "history_twins";

    @Test
    void aDatabaseOfThePreviousReleaseIsMigratedWithItsRowsIntactAndItsBookingsSeated() throws Exception {
        // A flight of the running schedule, so that this server's flight check finds it; its bookings are the previous release's.
        JsonObject flight = Api.registerFlight(10, 500);
        long flightId = Api.id(flight);
        DatabaseServer database = SystemStack.database();
        try (Connection connection = database.connect(PREVIOUS); Statement statement = connection.createStatement()) {
            for (String sql : previousRelease(flight)) {
                statement.execute(sql);
            }
        }
        LibertyServer server = extraServer(Service.RESERVATION, "reservation-previous", 9190, PREVIOUS);
        try {
            server.start();
            server.awaitReady(SystemStack.START_TIMEOUT);

            // The service reads the previous release's rows through its API...
            JsonObject seats = Http.get(URI.create(server.uri() + "/api/flights/7001/seats")).json();
            assertThat(seats.getInt("seatCapacity")).isEqualTo(180);
            assertThat(seats.getInt("seatsAvailable")).isEqualTo(177);
            JsonObject booking = Http.get(URI.create(server.uri() + "/api/reservations/1"), Api.manager()).json();
            assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
            assertThat(booking.getJsonObject("price").getJsonNumber("amount").longValue()).isEqualTo(375_000);
            // ... and the previous release's idempotency key is now its customer's: reused by that customer
            // (staff booking for them) for other terms, it is refused as before, naming the key.
            Http.Reply reused = Http.post(URI.create(server.uri() + "/api/reservations"),
                    "{\"customerId\":\"previous-release-customer\",\"scheduleId\":7001,\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}",
                    "application/json", java.util.Map.of("Authorization", Api.manager(), "Idempotency-Key", "previous-release-key"));
            assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
            assertThat(reused.json().getString("type")).isEqualTo("urn:problem:msaair:idempotency-key-reused");

            // ... each flight has the generic layout of its capacity, and the bookings holding seats got seats in booking order,
            // row by row (SeatsOfEarlierBookings); the counts agree with them.
            assertThat(seats.getString("aircraftType")).isEqualTo("GENERIC");
            assertThat(List.of(seats.getInt("rows"), seats.getInt("free"), seats.getInt("taken"))).containsExactly(30, 177, 3);
            assertThat(Api.seatsOf(booking)).containsExactly("1A", "1B", "1C");
            assertThat(occupied(server, 7001)).isEqualTo(Map.of("1A", "TAKEN", "1B", "TAKEN", "1C", "TAKEN"));
            assertThat(occupied(server, flightId)).isEqualTo(Map.of("1A", "TAKEN", "1B", "TAKEN", "1C", "TAKEN", "1D", "HELD", "1E", "HELD"));
            assertThat(Api.seatsOf(Http.get(URI.create(server.uri() + "/api/reservations/12"), Api.manager()).json())).containsExactly("1D", "1E");
            assertThat(Http.get(URI.create(server.uri() + "/api/reservations/13"), Api.manager()).json().getJsonArray("seats"))
                    .as("a booking that had ended holds none").isEmpty();

            // New bookings never get a seat the migration gave: one named is refused before any charge, one without gets others.
            String customer = Api.newCustomer();
            for (String taken : List.of("1A", "1E")) {
                Http.Reply refused = Http.post(URI.create(server.uri() + "/api/reservations"), "{\"scheduleId\":" + flightId
                        + ",\"passengers\":1,\"seats\":[\"" + taken + "\"],\"paymentMethod\":\"pm_card_visa\"}", "application/json",
                        Api.authorization(Api.as(customer)));
                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(refused.json().getString("detail")).contains(taken);
            }
            assertThat(Api.payments(customer)).as("nothing charged for a seat refused").isEmpty();
            Http.Reply pair = Http.post(URI.create(server.uri() + "/api/reservations"), "{\"scheduleId\":" + flightId
                    + ",\"passengers\":2,\"paymentMethod\":\"pm_card_visa\"}", "application/json", Api.authorization(Api.as(customer)));
            assertThat(pair.status()).as(pair.toString()).isIn(201, 202);
            assertThat(Api.seatsOf(pair.json())).as("two together, away from the migrated seats").containsExactly("2A", "2B");
            JsonObject after = Http.get(URI.create(server.uri() + "/api/flights/" + flightId + "/seats")).json();
            assertThat(List.of(after.getInt("free"), after.getInt("seatsAvailable"))).containsExactly(3, 3);

            try (Connection connection = database.connect(PREVIOUS); Statement statement = connection.createStatement()) {
                // ... release 1.0 was recorded as the schema it found, releases 1.1 and 1.2 ran on it ...
                List<String> history = column(statement, "SELECT ID, EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
                assertThat(history).filteredOn(row -> row.startsWith("1.0-")).hasSize(8);
                assertThat(history).contains("1.1-flight-seat-bounds EXECUTED", "1.1-reservation-passengers EXECUTED",
                        "1.2-idempotency-key-per-customer EXECUTED", "1.2-flight-seat-layout EXECUTED", "1.2-flight-seat EXECUTED",
                        "1.2-seats-of-earlier-bookings EXECUTED").doesNotHaveDuplicates();
                assertThat(column(statement, "SELECT COUNT(*) FROM RESERVATION")).containsExactly("6");
                // ... the key moved to the customer of the booking it made ...
                assertThat(column(statement, "SELECT CUSTOMER_ID, IDEMPOTENCY_KEY, RESERVATION_ID FROM IDEMPOTENCY_KEY"))
                        .containsExactly("previous-release-customer previous-release-key 1");
                // ... and its constraints hold on the old rows: more seats free than the flight has is refused, a seat twice too.
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE FLIGHT SET SEATS_AVAILABLE = 181 WHERE SCHEDULE_ID = 7001"))
                        .isInstanceOf(SQLException.class);
                assertThat(column(statement, "SELECT SEATS_AVAILABLE FROM FLIGHT WHERE SCHEDULE_ID = 7001")).containsExactly("177");
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO FLIGHT_SEAT (SCHEDULE_ID, SEAT, RESERVATION_ID) VALUES (7001, '1A', 2)"))
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            server.stop();
        }
    }

    private static Map<String, String> occupied(LibertyServer server, long flight) {
        Map<String, String> occupied = new TreeMap<>();
        for (JsonObject seat : Http.get(URI.create(server.uri() + "/api/flights/" + flight + "/seats")).json().getJsonArray("seats")
                .getValuesAs(JsonObject.class)) {
            if (!seat.getString("state").equals("FREE")) {
                occupied.put(seat.getString("seat"), seat.getString("state"));
            }
        }
        return occupied;
    }

    @Test
    void twoServersStartingAtOnceOnOneEmptyDatabaseBothComeUp() throws Exception {
        // An empty database, as a DBA (or CloudNativePG) hands it over: no tables at all.
        SystemStack.database().connect(EMPTY).close();
        LibertyServer first = extraServer(Service.HISTORY, "history-twin-1", 9191, EMPTY);
        LibertyServer second = extraServer(Service.HISTORY, "history-twin-2", 9192, EMPTY);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(first::start), CompletableFuture.runAsync(second::start)).join();
            first.awaitReady(SystemStack.START_TIMEOUT);
            second.awaitReady(SystemStack.START_TIMEOUT);

            try (Connection connection = SystemStack.database().connect(EMPTY); Statement statement = connection.createStatement()) {
                // The platform's five tables, history's one and its seats (1.2); on PostgreSQL also the lock timeout.
                assertThat(column(statement, "SELECT ID FROM DATABASECHANGELOG")).as("each changeset once")
                        .hasSize(SystemStack.onPostgres() ? 8 : 7).doesNotHaveDuplicates();
                assertThat(column(statement, "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE")).containsExactly("0");
            }
            String customer = Api.as(Api.newCustomer());
            assertThat(Http.get(URI.create(first.uri() + "/api/history"), customer).status()).isEqualTo(200);
            assertThat(Http.get(URI.create(second.uri() + "/api/history"), customer).status()).isEqualTo(200);
        } finally {
            CompletableFuture.allOf(CompletableFuture.runAsync(first::stop), CompletableFuture.runAsync(second::stop)).join();
        }
    }

    private static LibertyServer extraServer(Service service, String label, int port, String databaseName) {
        return SystemStack.stack().newServer(service, label, port + SystemStack.portOffset(),
                        SystemStack.stack().layout().data().resolve("servers-" + label))
                .env(SystemStack.database().clientEnvironment(databaseName));
    }

    /**
     * The previous release's schema and a few rows, in the dialect of this run's database; bookings on
     * {@code flight}, a flight of the running schedule (its id, number and times put in for ${...}).
     */
    private static List<String> previousRelease(JsonObject flight) throws IOException {
        String dialect = SystemStack.onPostgres() ? "postgresql" : "derby";
        DateTimeFormatter timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
        Map<String, String> values = Map.of("${flight}", String.valueOf(Api.id(flight)), "${flightNumber}", flight.getString("flightNumber"),
                "${departure}", timestamp.format(Instant.parse(flight.getString("departureTime"))),
                "${arrival}", timestamp.format(Instant.parse(flight.getString("arrivalTime"))));
        try (InputStream in = SchemaMigrationIT.class.getResourceAsStream("/previous-release/reservation." + dialect + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("--"))
                    .map(line -> {
                        String sql = line;
                        for (Map.Entry<String, String> value : values.entrySet()) {
                            sql = sql.replace(value.getKey(), value.getValue());
                        }
                        return sql;
                    })
                    .toList();
        }
    }

    private static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder(rows.getString(1));
                for (int i = 2; i <= columns; i++) {
                    row.append(' ').append(rows.getString(i));
                }
                values.add(row.toString());
            }
        }
        return values;
    }
}
