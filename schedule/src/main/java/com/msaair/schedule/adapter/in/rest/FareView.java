package com.msaair.schedule.adapter.in.rest;

import com.msaair.schedule.domain.Fare;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fare as the API reads and shows it: whole minor units (125000 KRW is ₩125,000; 12550 USD is $125.50). */
@Schema(name = "Fare", description = "The price of one seat in the currency's minor units; no fractions")
public record FareView(
        @Schema(example = "125000", minimum = "1", maximum = "10000000000", description = "whole minor units of the currency") long amount,
        @Schema(example = "KRW", pattern = "[A-Z]{3}", description = "an ISO-4217 currency code") String currency) {

    static FareView of(Fare fare) {
        return new FareView(fare.amount(), fare.currency());
    }
}
