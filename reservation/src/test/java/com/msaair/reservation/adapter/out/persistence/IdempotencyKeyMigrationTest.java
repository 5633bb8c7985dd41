package com.msaair.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.persistence.SchemaMigration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release 1.2's changeset on a real (embedded) Derby database of the previous release — the one
 * SchemaMigrationIT starts a server on, on Derby and PostgreSQL: its idempotency key moves to the
 * customer of the booking it made, and from then on two customers may hold equal keys, one customer not.
 */
class IdempotencyKeyMigrationTest {

    private static final Path PREVIOUS_RELEASE = Path.of("../system-tests/src/test/resources/previous-release/reservation.derby.sql");

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @TempDir
    Path dir;

    @Test
    void theKeysOfThePreviousReleaseBecomeTheirCustomersKeys() throws Exception {
        DataSource database = derby("previous");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : Files.readAllLines(PREVIOUS_RELEASE)) {
                if (!sql.isBlank() && !sql.startsWith("--")) {
                    // The fixture's second flight is one SchemaMigrationIT registers first; any will do here.
                    statement.execute(sql.replace("${flight}", "7002").replace("${flightNumber}", "KE7002")
                            .replace("${departure}", "2027-03-01 09:00:00.000000").replace("${arrival}", "2027-03-01 10:10:00.000000"));
                }
            }
        }
        migrate(database);
        migrate(database);

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT ID, EXECTYPE FROM DATABASECHANGELOG WHERE ID LIKE '1.2-idempotency%'"))
                    .as("once, however often the migration runs").containsExactly("1.2-idempotency-key-per-customer EXECUTED");
            assertThat(rows(statement, "SELECT CUSTOMER_ID, IDEMPOTENCY_KEY, FINGERPRINT, RESERVATION_ID FROM IDEMPOTENCY_KEY"))
                    .containsExactly("previous-release-customer previous-release-key previous-release-fingerprint 1");
            assertThat(rows(statement, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'IDEMPOTENT_REQUEST'")).containsExactly("0");

            statement.executeUpdate("INSERT INTO IDEMPOTENCY_KEY (CUSTOMER_ID, IDEMPOTENCY_KEY, CREATED_AT, FINGERPRINT, RESERVATION_ID)"
                    + " VALUES ('someone-else', 'previous-release-key', CURRENT_TIMESTAMP, 'f', 2)");
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO IDEMPOTENCY_KEY (CUSTOMER_ID, IDEMPOTENCY_KEY, CREATED_AT, FINGERPRINT,"
                    + " RESERVATION_ID) VALUES ('someone-else', 'previous-release-key', CURRENT_TIMESTAMP, 'g', 2)"))
                    .as("one customer, one key").isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        }
    }

    @Test
    void aNewDatabaseGetsTheTableKeyedByCustomerAndKey() throws Exception {
        DataSource database = derby("new");
        migrate(database);

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT COUNT(*) FROM IDEMPOTENCY_KEY")).containsExactly("0");
            assertThat(rows(statement, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'IDEMPOTENT_REQUEST'")).containsExactly("0");
        }
    }

    private void migrate(DataSource database) throws Exception {
        new SchemaMigration(database, getClass().getClassLoader(), "db/changelog.xml", 1).run();
    }

    private static List<String> rows(Statement statement, String query) throws SQLException {
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
