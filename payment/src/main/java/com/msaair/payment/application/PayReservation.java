package com.msaair.payment.application;

import com.msaair.platform.domain.Money;
import java.time.Instant;

/** A request to pay for a held booking: who, how much, with which payment method, and until when a charge may be made. */
public record PayReservation(long reservationId, String customerId, Money amount, String paymentMethod, Instant captureBefore) {}
