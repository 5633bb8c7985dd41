package com.msaair.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A customer's rows of one entity a page at a time, and how many there are: what every "my bookings,
 * my payments, my notifications, my timeline, my miles" endpoint reads. The entity has a
 * {@code customerId}; the query is the same text every time (the entity's name and a fixed order), so
 * the database compiles it once.
 */
public final class CustomerRows {

    private CustomerRows() {}

    /**
     * The customer's {@code entity} rows in {@code order} (a JPQL {@code ORDER BY} over the alias
     * {@code e}, newest first as the endpoints show them), {@code limit} of them from {@code offset}.
     */
    public static <T> List<T> page(EntityManager em, Class<T> entity, String customerId, String order, int offset, int limit) {
        return em.createQuery("SELECT e FROM " + entity.getSimpleName() + " e WHERE e.customerId = :customer ORDER BY " + order, entity)
                .setParameter("customer", customerId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many {@code entity} rows the customer has. */
    public static long count(EntityManager em, Class<?> entity, String customerId) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity.getSimpleName() + " e WHERE e.customerId = :customer", Long.class)
                .setParameter("customer", customerId)
                .getSingleResult();
    }
}
