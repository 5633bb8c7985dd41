/** Booking use cases (book, cancel, look up) and the flight replica's upkeep. Thin: rules live in the domain. */
package com.msaair.reservation.application;
