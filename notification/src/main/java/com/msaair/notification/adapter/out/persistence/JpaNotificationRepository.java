package com.msaair.notification.adapter.out.persistence;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import com.msaair.platform.persistence.CustomerOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications and contacts in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaNotificationRepository extends CustomerOwnedRepository<Notification> implements NotificationRepository {

    @Override
    public void add(Notification notification) {
        em.persist(notification);
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("SELECT n.id FROM Notification n WHERE n.status IN :open AND n.nextAttemptAt <= :now ORDER BY n.nextAttemptAt, n.id", Long.class)
                .setParameter("open", List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING))
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void saveContact(Contact contact) {
        em.merge(contact);
    }

    @Override
    public Optional<Contact> contact(String customerId) {
        return Optional.ofNullable(em.find(Contact.class, customerId));
    }

    @Override
    public void makeDue(String customerId, Instant now) {
        em.createQuery("UPDATE Notification n SET n.nextAttemptAt = :now WHERE n.customerId = :customer AND n.status IN :open")
                .setParameter("now", now)
                .setParameter("customer", customerId)
                .setParameter("open", List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING))
                .setHint("eclipselink.jdbc.bind-parameters", "True") // a bulk update's values are otherwise written into its SQL
                .executeUpdate();
    }
}
