/**
 * The payment use cases: {@link com.msaair.payment.application.PaymentService} orchestrates (the
 * processor is called outside any transaction), {@link com.msaair.payment.application.PaymentSettlement}
 * records each answer in a transaction of its own, {@link com.msaair.payment.application.BookingPayments}
 * follows the bookings from reservation events, and {@link com.msaair.payment.application.PaymentWorker}
 * charges what the booking could not and makes the refunds owed.
 */
package com.msaair.payment.application;
