package com.msaair.schedule.adapter.out.persistence;

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
 * Release 1.2's migration of schedule on a real embedded Derby (PostgreSQL: SchemaMigrationIT): the
 * flights registered before seat maps had only a capacity and get the generic layout of it.
 */
class SeatMapMigrationTest {

    private static final String CHANGELOG = "db/changelog.xml";

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @TempDir
    Path dir;

    @Test
    void theFlightsOfTheReleaseBeforeGetTheGenericLayoutOfTheirCapacity() throws Exception {
        DataSource database = derby("earlier");
        releaseBefore(database);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            schedule(sql, 1, "KE1", 180);
            schedule(sql, 2, "KE2", 10);
            schedule(sql, 3, "KE3", 1);
        }

        migrate(database);

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "SELECT ID, AIRCRAFT_TYPE, SEAT_ROWS, SEAT_PATTERN FROM SCHEDULE ORDER BY ID"))
                    .containsExactly("1 GENERIC 30 ABC|DEF", "2 GENERIC 2 ABC|DEF", "3 GENERIC 1 ABC|DEF");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE SCHEDULE SET SEAT_PATTERN = NULL WHERE ID = 1")).isInstanceOf(SQLException.class);
        }
    }

    private static void schedule(Statement sql, long id, String flightNumber, int capacity) throws SQLException {
        sql.executeUpdate("INSERT INTO SCHEDULE (ID, ARRIVAL_TIME, DEPARTURE_DATE, DEPARTURE_TIME, DESTINATION, FARE_AMOUNT, FARE_CURRENCY,"
                + " FLIGHT_NUMBER, MILES, ORIGIN, REGISTERED_AT, SEAT_CAPACITY, STATUS, VERSION) VALUES (" + id + ", TIMESTAMP('2027-03-01 10:10:00'),"
                + " DATE('2027-03-01'), TIMESTAMP('2027-03-01 09:00:00'), 'CJU', 125000, 'KRW', '" + flightNumber + "', 1000, 'ICN',"
                + " CURRENT_TIMESTAMP, " + capacity + ", 'SCHEDULED', 1)");
    }

    /** The schema of release 1.0: its changesets, exactly what EclipseLink made (release 1.1's constraints then run with 1.2). */
    private static void releaseBefore(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SeatMapMigrationTest.class.getClassLoader()),
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

    private static void migrate(DataSource database) throws Exception {
        new SchemaMigration(database, SeatMapMigrationTest.class.getClassLoader(), CHANGELOG, 1).run();
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
