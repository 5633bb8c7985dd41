package com.msaair.platform.persistence;

import java.util.Optional;

/**
 * A repository of an entity identified by a number, as most aggregates are: the port's {@code find} and
 * {@code findForUpdate} are these.
 */
public abstract class NumberedRepository<T> extends JpaRepository<T> {

    public Optional<T> find(long id) {
        return row(id);
    }

    public Optional<T> findForUpdate(long id) {
        return rowForUpdate(id);
    }
}
