package com.msaair.platform.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void onlyLockConflictsCountAsWorthRetrying() {
        RuntimeException lockTimeout = new RuntimeException("rollback",
                new IllegalStateException(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1")));
        RuntimeException deadlock = new RuntimeException(new SQLException("deadlock", "40001"));
        RuntimeException duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));
        assertThat(DatabaseFailures.isLockConflict(lockTimeout)).isTrue();
        assertThat(DatabaseFailures.isLockConflict(deadlock)).isTrue();
        assertThat(DatabaseFailures.isLockConflict(duplicate)).isFalse();
        assertThat(DatabaseFailures.isLockConflict(new IllegalArgumentException())).isFalse();
    }

    @Test
    void lostConnectionsAndLockConflictsPassButAConstraintDoesNot() {
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new java.sql.SQLNonTransientConnectionException("gone", "08006")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("no database", "XJ040"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(DatabaseFailures.isTransient(new UnsupportedOperationException())).isFalse();
    }
}
