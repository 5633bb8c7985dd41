package com.msaair.platform.tx;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database failures pass by themselves. One place for what differs between databases: the
 * SQLSTATEs are the standard classes plus the few vendor codes that mean the same.
 *
 * <ul>
 *   <li>a <b>lock conflict</b>: the transaction was rolled back and running it again will do
 *       (class 40: serialization failure 40001, deadlock 40P01 / Derby's 40001, Derby's lock
 *       timeout 40XL1/40XL2; PostgreSQL's lock_not_available 55P03);
 *   <li><b>transient</b>: a lock conflict, or the database could not be reached or went away
 *       (class 08 connection exceptions, 57P01-57P03 shutting down, Derby's 08006/XJ040 "database
 *       not booted"), or the driver says so itself.
 * </ul>
 * Anything else (a constraint, a value too long, a syntax error) would fail again the same way.
 */
public final class DatabaseFailures {

    private static final Set<String> LOCK_CONFLICTS = Set.of("55P03");
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "XJ040", "XJ004", "08006", "08001", "08004");

    private DatabaseFailures() {}

    public static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || LOCK_CONFLICTS.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A failure that says nothing about the work itself: try again later, and do not count it against the work. */
    public static boolean isTransient(Throwable failure) {
        if (isLockConflict(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
