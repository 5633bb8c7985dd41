package com.msaair.reservation.domain;

import java.time.Instant;
import java.util.List;

/** How flights sell, as airline staff follow it (a port): one figure per flight, never whose booking. */
public interface FlightSales {

    /** The flights departing after {@code after}, soonest first, at most {@code limit}, each with what it has sold. */
    List<FlightSale> departingAfter(Instant after, int limit);
}
