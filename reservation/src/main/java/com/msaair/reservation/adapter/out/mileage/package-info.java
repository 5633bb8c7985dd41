/** The mileage service as seen from booking: the customer check, which falls back to "unverified" rather than block. */
package com.msaair.reservation.adapter.out.mileage;
