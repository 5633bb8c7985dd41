package com.msaair.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.ParameterizedType;
import java.util.Optional;

/**
 * What the services' JPA repositories do alike for the entity each keeps: reach the service's persistence
 * context, add an aggregate so that its id is at hand, and read a row by its id, plainly or locked. A
 * repository extends this class (or {@link NumberedRepository}, {@link CustomerOwnedRepository}) with its
 * entity as the type argument and implements its domain's port, so only what is particular to the
 * service is written there. The container injects {@link #em} into a subclass's instances as into any
 * managed bean's superclass.
 */
public abstract class JpaRepository<T> {

    @PersistenceContext
    protected EntityManager em;

    protected final Class<T> entity = entityNamedBy(getClass());

    /** Persists the aggregate and flushes at once: its id goes into the event written in the same transaction. */
    protected T insert(T aggregate) {
        em.persist(aggregate);
        em.flush();
        return aggregate;
    }

    protected Optional<T> row(Object id) {
        return Optional.ofNullable(em.find(entity, id));
    }

    /** The row, locked until the transaction ends. */
    protected Optional<T> rowForUpdate(Object id) {
        return Optional.ofNullable(em.find(entity, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The entity a repository names in its {@code extends} clause, so that it names it once. The nearest
     * such clause counts: the container's proxy of a repository extends it without naming one.
     */
    @SuppressWarnings("unchecked")
    private static <E> Class<E> entityNamedBy(Class<?> repository) {
        for (Class<?> c = repository; c != JpaRepository.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType extended
                    && extended.getActualTypeArguments()[0] instanceof Class<?> named) {
                return (Class<E>) named;
            }
        }
        throw new IllegalStateException(repository + " names no entity in its extends clause");
    }
}
