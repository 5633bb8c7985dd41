package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.domain.Money;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.application.SalesReport;
import com.msaair.reservation.domain.FlightSale;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Airline staff's view of sales: per flight yet to depart, seats sold and held and the revenue kept —
 * figures only, never whose booking. The web front end's live flight board polls it.
 */
@Path("/flights/sales")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlightSalesResource {

    /** One flight's sales as the API shows them. */
    public record FlightSaleView(long scheduleId, String flightNumber, String origin, String destination, Instant departureTime, String status,
            int seatCapacity, int seatsSold, int seatsHeld, int loadFactorPercent, Money revenue) {
        static FlightSaleView of(FlightSale s) {
            return new FlightSaleView(s.scheduleId(), s.flightNumber(), s.origin(), s.destination(), s.departureTime(), s.status().name(),
                    s.seatCapacity(), s.seatsSold(), s.seatsHeld(), s.loadFactorPercent(), s.revenue());
        }
    }

    /** The board: the flights yet to depart, soonest first. */
    public record SalesView(List<FlightSaleView> flights) {}

    @Inject
    SalesReport report;

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Sales of the next flights to depart (staff): seats sold and held, load factor and revenue per flight, soonest first")
    @APIResponse(responseCode = "200", description = "The flights yet to depart, at most " + SalesReport.MAX_FLIGHTS,
            content = @Content(schema = @Schema(implementation = SalesView.class)))
    public SalesView sales() {
        return new SalesView(report.upcoming().stream().map(FlightSaleView::of).toList());
    }
}
