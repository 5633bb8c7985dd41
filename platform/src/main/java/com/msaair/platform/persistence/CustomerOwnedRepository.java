package com.msaair.platform.persistence;

import java.util.List;

/**
 * A repository of a numbered entity that belongs to a customer (it has a {@code customerId}): the port's
 * {@code ofCustomer} and {@code countOfCustomer} are these, read as {@link CustomerRows} reads them.
 */
public abstract class CustomerOwnedRepository<T> extends NumberedRepository<T> {

    private final String newestFirst;

    /** Shows the customer's rows newest first by id, the order they were added in. */
    protected CustomerOwnedRepository() {
        this("e.id DESC");
    }

    /** {@code newestFirst}: the order the customer's rows are shown in, a JPQL {@code ORDER BY} over the alias {@code e}. */
    protected CustomerOwnedRepository(String newestFirst) {
        this.newestFirst = newestFirst;
    }

    public List<T> ofCustomer(String customerId, int offset, int limit) {
        return CustomerRows.page(em, entity, customerId, newestFirst, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return CustomerRows.count(em, entity, customerId);
    }
}
