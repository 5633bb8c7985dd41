package com.msaair.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Runs work in a transaction of its own, for callers (request orchestration, consumers, the relay) that are not in one. */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());
    private static final int CONFLICT_ATTEMPTS = 3;

    @Inject
    Transactions self;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runInNewTransaction(Runnable work) {
        work.run();
    }

    /**
     * Like {@link #inNewTransaction}, but a transaction the database rolled back because of a lock
     * conflict (a deadlock or lock timeout, SQLSTATE class 40) is run again, up to three times.
     * Nothing of a rolled-back transaction remains, so running it again is safe.
     */
    public <T> T inNewTransactionRetryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return self.inNewTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= CONFLICT_ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
                int tried = attempt;
                LOG.info(() -> "Transaction rolled back for a lock conflict (attempt " + tried + "); running it again");
            }
        }
    }

    static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
