package com.msaair.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.persistence.SchemaMigration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release 1.2's migration of the seats on a real embedded Derby (PostgreSQL: SchemaMigrationIT): a
 * database with the flights and bookings of release 1.1 (counts only) gets the generic layout on every
 * flight and seats for every booking still holding some, in booking order, row by row; the flights'
 * counts agree with the seats afterwards; the primary key refuses a seat twice; a second start
 * changes nothing.
 */
class SeatMigrationTest {

    private static final String CHANGELOG = "db/changelog.xml";

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @TempDir
    Path dir;

    @Test
    void theBookingsOfTheReleaseBeforeGetSeatsInBookingOrderAndTheCountsAgree() throws Exception {
        DataSource database = derby("earlier");
        releaseBefore(database);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            flight(sql, 7001, 10, 4);
            flight(sql, 7002, 180, 177);
            flight(sql, 7003, 6, 6); // its count went wrong: a confirmed booking of 2 took nothing from it
            booking(sql, 1, 7001, "CONFIRMED", 3);
            booking(sql, 2, 7001, "PAYMENT_FAILED", 1);
            booking(sql, 3, 7001, "HELD", 2);
            booking(sql, 4, 7001, "CANCELLED", 1);
            booking(sql, 5, 7001, "CONFIRMED", 1);
            booking(sql, 6, 7002, "CONFIRMED", 3);
            booking(sql, 7, 7002, "RELEASED", 2); // a status no longer known
            booking(sql, 8, 7003, "CONFIRMED", 2);
        }

        migrate(database);

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "SELECT SCHEDULE_ID, SEAT, RESERVATION_ID FROM FLIGHT_SEAT ORDER BY SCHEDULE_ID, RESERVATION_ID, SEAT")).containsExactly(
                    "7001 1A 1", "7001 1B 1", "7001 1C 1", "7001 1D 3", "7001 1E 3", "7001 1F 5", "7002 1A 6", "7002 1B 6", "7002 1C 6",
                    "7003 1A 8", "7003 1B 8");
            assertThat(rows(sql, "SELECT ID, SEATS FROM RESERVATION ORDER BY ID")).containsExactly(
                    "1 1A 1B 1C", "2 null", "3 1D 1E", "4 null", "5 1F", "6 1A 1B 1C", "7 null", "8 1A 1B");
            assertThat(rows(sql, "SELECT SCHEDULE_ID, AIRCRAFT_TYPE, SEAT_ROWS, SEAT_PATTERN, SEATS_AVAILABLE FROM FLIGHT ORDER BY SCHEDULE_ID"))
                    .containsExactly("7001 GENERIC 2 ABC|DEF 4", "7002 GENERIC 30 ABC|DEF 177", "7003 GENERIC 1 ABC|DEF 4");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO FLIGHT_SEAT (SCHEDULE_ID, SEAT, RESERVATION_ID) VALUES (7001, '1A', 3)"))
                    .as("a seat held twice").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO FLIGHT_SEAT (SCHEDULE_ID, SEAT, RESERVATION_ID) VALUES (9999, '1A', 3)"))
                    .as("a seat of no flight").isInstanceOf(SQLException.class);
        }

        migrate(database);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "SELECT COUNT(*) FROM FLIGHT_SEAT")).as("once").containsExactly("11");
        }
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() throws Exception {
        DataSource database = derby("empty");
        migrate(database);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "SELECT ID FROM DATABASECHANGELOG WHERE ID LIKE '1.2-%' ORDER BY ORDEREXECUTED")).containsExactly(
                    "1.2-idempotency-key-per-customer", "1.2-flight-seat-layout", "1.2-reservation-seats", "1.2-flight-seat", "1.2-seats-of-earlier-bookings");
        }
    }

    /** The schema of release 1.0: its changesets, exactly what EclipseLink made (release 1.1's constraints then run with 1.2). */
    private static void releaseBefore(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SeatMigrationTest.class.getClassLoader()),
                    "liquibase.analytics.enabled", false), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(DatabaseChangelogCommandStep.LABEL_FILTER_ARG, "@1.0")
                    .execute());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static void flight(Statement sql, long id, int capacity, int available) throws SQLException {
        sql.executeUpdate("INSERT INTO FLIGHT (SCHEDULE_ID, ARRIVAL_TIME, DEPARTURE_TIME, DESTINATION, FARE_AMOUNT, FARE_CURRENCY, FLIGHT_NUMBER,"
                + " MILES, ORIGIN, SEAT_CAPACITY, SEATS_AVAILABLE, STATUS, VERSION) VALUES (" + id + ", TIMESTAMP('2027-03-01 10:10:00'),"
                + " TIMESTAMP('2027-03-01 09:00:00'), 'CJU', 125000, 'KRW', 'KE1234', 1000, 'ICN', " + capacity + ", " + available + ", 'SCHEDULED', 1)");
    }

    private static void booking(Statement sql, long id, long flight, String status, int passengers) throws SQLException {
        sql.executeUpdate("INSERT INTO RESERVATION (ID, CREATED_AT, CUSTOMER_ID, CUSTOMER_VERIFIED, DEPARTURE_TIME, FLIGHT_NUMBER, HOLD_EXPIRES_AT,"
                + " MILES, PASSENGERS, PAYMENT_METHOD, PRICE_AMOUNT, PRICE_CURRENCY, SCHEDULE_ID, STATUS, VERSION) VALUES (" + id
                + ", CURRENT_TIMESTAMP, 'c-1', 1, TIMESTAMP('2027-03-01 09:00:00'), 'KE1234', CURRENT_TIMESTAMP, 1000, " + passengers
                + ", 'pm_card_visa', 125000, 'KRW', " + flight + ", '" + status + "', 1)");
    }

    private static void migrate(DataSource database) throws Exception {
        new SchemaMigration(database, SeatMigrationTest.class.getClassLoader(), CHANGELOG, 1).run();
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    private DataSource derby(String name) {
        String url = "jdbc:derby:" + dir.resolve(name) + ";create=true";
        return new DataSource() {
            @Override public Connection getConnection() throws SQLException { return DriverManager.getConnection(url); }
            @Override public Connection getConnection(String user, String password) throws SQLException { return getConnection(); }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) { }
            @Override public void setLoginTimeout(int seconds) { }
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() { return Logger.getGlobal(); }
            @Override public <T> T unwrap(Class<T> type) throws SQLException { throw new SQLException("not a wrapper"); }
            @Override public boolean isWrapperFor(Class<?> type) { return false; }
        };
    }
}
