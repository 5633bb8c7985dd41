package com.msaair.schedule.domain;

import java.time.LocalDate;
import java.util.Optional;

/** What a customer looks for: any of origin, destination and departure day (UTC). */
public record ScheduleSearch(Optional<Airport> origin, Optional<Airport> destination, Optional<LocalDate> departureDate) {}
