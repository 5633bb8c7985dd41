package com.msaair.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcToTheMicrosecondWhateverTheDatabaseKeeps() {
        Instant precise = Instant.parse("2027-03-01T09:00:00.123456789Z");

        LocalDateTime stored = converter.convertToDatabaseColumn(precise);

        assertThat(stored).isEqualTo(LocalDateTime.parse("2027-03-01T09:00:00.123456"));
        assertThat(converter.convertToEntityAttribute(stored)).isEqualTo(Instant.parse("2027-03-01T09:00:00.123456Z"));
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
    }
}
