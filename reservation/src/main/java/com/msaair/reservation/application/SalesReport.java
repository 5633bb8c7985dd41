package com.msaair.reservation.application;

import com.msaair.reservation.domain.FlightSale;
import com.msaair.reservation.domain.FlightSales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** What airline staff watch: how each flight yet to depart is selling. A read; nothing is locked. */
@ApplicationScoped
public class SalesReport {

    /** A board, not a report of every flight ever: the next flights to depart. */
    public static final int MAX_FLIGHTS = 200;

    @Inject
    FlightSales sales;

    @Inject
    Clock clock;

    public List<FlightSale> upcoming() {
        return sales.departingAfter(clock.instant(), MAX_FLIGHTS);
    }
}
