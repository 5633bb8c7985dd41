package com.msaair.platform.lease;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/** Takes and renews named leases in the service's database; a lease that is not renewed expires. */
@ApplicationScoped
public class Leases {

    /** This JVM, as a lease holder: host name (the pod's, on Kubernetes) and a random part. */
    public static final String THIS_REPLICA = hostName() + "/" + UUID.randomUUID();

    @PersistenceContext
    EntityManager em;

    /**
     * Takes or renews lease {@code name} for this replica until {@code until}. True when this replica
     * holds it now; false while another replica's lease runs.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String name, Instant now, Instant until) {
        int updated = em.createQuery("UPDATE Lease l SET l.holder = :holder, l.expiresAt = :until"
                        + " WHERE l.name = :name AND (l.holder = :holder OR l.expiresAt < :now)")
                .setParameter("holder", THIS_REPLICA)
                .setParameter("until", until)
                .setParameter("now", now)
                .setParameter("name", name)
                // EclipseLink writes a bulk update's values into its SQL unless told to bind them: each
                // renewal (a new instant) would be a new statement for the database to compile.
                .setHint("eclipselink.jdbc.bind-parameters", "True")
                .executeUpdate();
        if (updated == 1) {
            return true;
        }
        if (em.find(Lease.class, name) != null) {
            return false;
        }
        // The first holder ever; a replica racing us makes this commit fail, and it holds the lease.
        em.persist(new Lease(name, THIS_REPLICA, until));
        return true;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
