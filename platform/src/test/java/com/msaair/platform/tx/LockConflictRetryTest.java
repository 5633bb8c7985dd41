package com.msaair.platform.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class LockConflictRetryTest {

    @Test
    void onlyLockConflictsCountAsWorthRetrying() {
        RuntimeException lockTimeout = new RuntimeException("rollback",
                new IllegalStateException(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1")));
        RuntimeException deadlock = new RuntimeException(new SQLException("deadlock", "40001"));
        RuntimeException duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));
        assertThat(LockConflictRetry.isLockConflict(lockTimeout)).isTrue();
        assertThat(LockConflictRetry.isLockConflict(deadlock)).isTrue();
        assertThat(LockConflictRetry.isLockConflict(duplicate)).isFalse();
        assertThat(LockConflictRetry.isLockConflict(new IllegalArgumentException())).isFalse();
    }
}
