package com.msaair.platform.persistence;

import com.msaair.platform.worker.Backoff;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings one database to the schema the code expects: the changesets of a Liquibase changelog not yet
 * applied there, each once, in order, each recorded in DATABASECHANGELOG. A database the previous
 * release created (no history yet) is adopted first: its schema is release {@value #ADOPTED_RELEASE}'s,
 * so those changesets are recorded as run and only the newer ones run.
 *
 * <p>Several servers of one service may start at once against one empty database (two replicas of a
 * Deployment). Only one migrates at a time; the others wait for it and then find nothing left to do.
 * How that is made safe is the one thing that differs between the databases, and it lives here:
 * <ul>
 * <li>PostgreSQL: a session-level advisory lock held while migrating. The database releases it when the
 *     connection ends, so a server killed in the middle leaves no lock behind; whoever holds it is the
 *     only migrator, and a Liquibase lock row still set is a dead server's and is cleared.</li>
 * <li>Embedded Derby: one JVM owns the database (Derby locks it to the JVM), so nobody else migrates; a
 *     Liquibase lock row still set is a crashed run's and is cleared.</li>
 * <li>A Derby Network Server (replicas of the local stack): Liquibase's lock row; one set for longer than
 *     {@link #STALE_LOCK} belonged to a server that died while migrating and is cleared.</li>
 * </ul>
 * A migration that still fails (the creation race of the lock table on Derby, a database restarting) is
 * tried again after a pause; one that keeps failing fails the application's start.
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    /** A migration takes seconds; a Liquibase lock row older than this belongs to a dead server. */
    static final Duration STALE_LOCK = Duration.ofMinutes(5);
    /** Any number, the same in every server: the advisory lock key of "the schema is being migrated". */
    private static final long ADVISORY_LOCK_KEY = 0x6d736161_6972_0001L;
    /**
     * The changesets labelled so describe the schema the previous release's EclipseLink generated; on a
     * database that release created they are recorded as run, not run.
     */
    static final String ADOPTED_RELEASE = "1.0";
    // ("@1.0", below: changesets without a label match a plain filter, and must not be recorded unrun.)
    private static final Backoff RETRY = Backoff.of(500, 10_000);
    /** One migrator per JVM, so that "this JVM owns the embedded database" means "nobody else migrates". */
    private static final java.util.concurrent.locks.ReentrantLock IN_THIS_JVM = new java.util.concurrent.locks.ReentrantLock();

    private final DataSource dataSource;
    private final ClassLoader resources;
    private final String changelog;
    private final int attempts;

    /**
     * @param resources where the changelog and the changelogs it includes are found (the application's)
     * @param attempts  how many times a failed migration is tried before it fails
     */
    public SchemaMigration(DataSource dataSource, ClassLoader resources, String changelog, int attempts) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.changelog = changelog;
        this.attempts = attempts;
    }

    public void run() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce();
                return;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    throw e;
                }
                Duration pause = RETRY.after(attempt);
                LOG.log(Level.WARNING, "Schema migration attempt " + attempt + " failed (" + e + "); trying again in " + pause.toMillis() + " ms");
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private void migrateOnce() throws Exception {
        IN_THIS_JVM.lockInterruptibly();
        try {
            migrateAlone();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private void migrateAlone() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would otherwise shut the embedded database down when done with it: it is the application's.
                derby.setShutdownEmbeddedDerby(false);
            }
            Map<String, Object> settings = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(resources),
                    // A changelog's customChange classes are the application's.
                    Scope.Attr.classLoader.name(), resources,
                    // No usage reports to Liquibase's servers, and no network call to ask whether to send them.
                    "liquibase.analytics.enabled", false,
                    // The wait for another server's Liquibase lock (Derby Network Server): poll each second.
                    "liquibase.changelogLockPollRate", 1);
            Scope.child(settings, () -> {
                boolean advisory = database instanceof PostgresDatabase;
                if (advisory) {
                    advisoryLock(connection, "pg_advisory_lock");
                }
                try {
                    clearDeadLocks(database, advisory || isEmbedded(connection));
                    if (createdByThePreviousRelease(connection)) {
                        LOG.info("A database of the previous release (no migration history): recording release " + ADOPTED_RELEASE + " as applied");
                        new CommandScope(ChangelogSyncCommandStep.COMMAND_NAME)
                                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog)
                                .addArgumentValue(DatabaseChangelogCommandStep.LABEL_FILTER_ARG, "@" + ADOPTED_RELEASE)
                                .execute();
                    }
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute();
                } finally {
                    if (advisory) {
                        advisoryLock(connection, "pg_advisory_unlock");
                    }
                    // Liquibase commits each changeset; what is left open is its last reads.
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            });
        }
    }

    /** Clears Liquibase lock rows left by a run that died: all of them when we are the only migrator, else only old ones. */
    private static void clearDeadLocks(Database database, boolean onlyMigrator) throws Exception {
        LockService locks = LockServiceFactory.getInstance().getLockService(database);
        locks.init();
        Instant staleBefore = Instant.now().minus(STALE_LOCK);
        for (DatabaseChangeLogLock lock : locks.listLocks()) {
            Date granted = lock.getLockGranted();
            if (onlyMigrator || granted == null || granted.toInstant().isBefore(staleBefore)) {
                LOG.warning("Clearing the schema migration lock left by " + lock.getLockedBy() + " since " + granted);
                locks.forceReleaseLock();
                return;
            }
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, ADVISORY_LOCK_KEY);
            statement.execute();
        }
        if (!autoCommit) {
            connection.commit();
        }
    }

    /**
     * The previous release let EclipseLink create the tables (create-or-extend-tables) and kept no
     * history: its databases have the outbox table, which every service has, and no DATABASECHANGELOG.
     */
    private static boolean createdByThePreviousRelease(Connection connection) throws SQLException {
        return hasTable(connection, "OUTBOX_MESSAGE") && !hasTable(connection, "DATABASECHANGELOG");
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String stored = metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), stored, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static boolean isEmbedded(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:derby:") && !connection.getMetaData().getURL().startsWith("jdbc:derby://");
    }
}
