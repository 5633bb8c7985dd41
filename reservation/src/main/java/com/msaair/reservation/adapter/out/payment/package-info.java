/**
 * The payment service as seen from booking: the charge of a held booking, asked as reservation itself,
 * which falls back to "pending" rather than block.
 */
package com.msaair.reservation.adapter.out.payment;
