package com.msaair.notification.application;

import com.msaair.notification.domain.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code msaair_mail_deliveries_total{outcome}}: each delivery attempt, by what it left the
 * notification — sent, retrying (failed, another attempt scheduled) or failed (given up).
 */
@ApplicationScoped
public class MailDeliveryMetrics {

    @Inject
    MetricRegistry registry;

    void attempted(DeliveryStatus status) {
        registry.counter(Metadata.builder().withName("msaair_mail_deliveries").withDescription("Mail delivery attempts, by outcome").build(),
                new Tag("outcome", status.name().toLowerCase(Locale.ROOT))).inc();
    }
}
