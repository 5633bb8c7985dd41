package com.msaair.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Stores an {@link Instant} as a UTC TIMESTAMP. JPA 3.1 (EclipseLink 4) has no mapping for Instant
 * and would serialise it into a BLOB, which Derby can neither index nor compare; going through UTC
 * keeps the stored value independent of the JVM's time zone. Stored to the microsecond on every
 * database (PostgreSQL keeps no more), so what Derby and PostgreSQL give back is the same.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
