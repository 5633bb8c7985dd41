package com.msaair.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionLimitsTest {

    private static AdmissionLimits of(String name, Map<String, String> config) {
        return AdmissionLimits.of(name, key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void whatIsNotConfiguredTakesTheDefaults() {
        assertThat(of("booking", Map.of("msaair.admission.booking.queue", "4", "msaair.admission.other.concurrency", "99")))
                .isEqualTo(new AdmissionLimits(AdmissionLimits.DEFAULT_CONCURRENCY, 4, AdmissionLimits.DEFAULT_MAX_WAIT, AdmissionLimits.DEFAULT_RETRY_AFTER));
    }

    @Test
    void everyKeyIsRead() {
        assertThat(of("booking", Map.of("msaair.admission.booking.concurrency", "3", "msaair.admission.booking.queue", "0",
                "msaair.admission.booking.max-wait-ms", "0", "msaair.admission.booking.retry-after-seconds", "5")))
                .isEqualTo(new AdmissionLimits(3, 0, Duration.ZERO, Duration.ofSeconds(5)));
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> of("booking", Map.of("msaair.admission.booking.concurrency", "eight")))
                .hasMessageContaining("msaair.admission.booking.concurrency").hasMessageContaining("eight");
        assertThatThrownBy(() -> of("booking", Map.of("msaair.admission.booking.concurrency", "0")))
                .hasMessageContaining("msaair.admission.booking.*").hasMessageContaining("concurrency must be at least 1");
        assertThatThrownBy(() -> of("booking", Map.of("msaair.admission.booking.max-wait-ms", "0")))
                .hasMessageContaining("max-wait-ms must be more than 0");
        assertThatThrownBy(() -> of("booking", Map.of("msaair.admission.booking.queue", "-1"))).hasMessageContaining("queue must be 0 or more");
        assertThatThrownBy(() -> of("booking", Map.of("msaair.admission.booking.retry-after-seconds", "0")))
                .hasMessageContaining("retry-after-seconds");
        assertThatThrownBy(() -> of("Booking", Map.of())).hasMessageContaining("lower-case");
    }
}
