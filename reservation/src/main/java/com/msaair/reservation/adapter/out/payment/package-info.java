/** The payment service as seen from booking: the charge of a held booking, which falls back to "pending" rather than block. */
package com.msaair.reservation.adapter.out.payment;
