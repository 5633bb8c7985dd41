package com.msaair.platform.tx;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Logger;

/**
 * Runs a {@link RetryOnLockConflict} method again when its transaction was rolled back for a lock
 * conflict (SQLSTATE class 40). It sits outside {@code @Transactional}, so each attempt is a fresh
 * transaction; nothing of a rolled-back one remains, so running it again is safe. Inside a caller's
 * transaction it does nothing: that whole transaction is gone, and only its owner can start over.
 */
@RetryOnLockConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LockConflictRetry {

    private static final Logger LOG = Logger.getLogger(LockConflictRetry.class.getName());
    static final int ATTEMPTS = 3;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        boolean outermost = transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (!outermost || attempt >= ATTEMPTS || !DatabaseFailures.isLockConflict(e)) {
                    throw e;
                }
                int tried = attempt;
                // FINE: under concurrent bookings a retried conflict is the normal path (Derby rolls back what it
                // would otherwise wait on), one line per retry would be lines per request; one that fails for
                // good is the request's own error, logged and answered as such.
                LOG.fine(() -> invocation.getMethod().getName() + " was rolled back for a lock conflict (attempt " + tried + "); running it again");
            }
        }
    }
}
