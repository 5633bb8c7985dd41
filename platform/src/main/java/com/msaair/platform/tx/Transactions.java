package com.msaair.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work it is handed in a transaction of its own: for the platform's inbox and dead-letter replay,
 * which apply whatever handler a service registered. A service's own transactions are beans of
 * transactional steps instead ({@link RetryOnLockConflict}).
 */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runInNewTransaction(Runnable work) {
        work.run();
    }
}
