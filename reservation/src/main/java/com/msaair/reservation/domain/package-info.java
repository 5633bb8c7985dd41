/**
 * Bookings: the {@link com.msaair.reservation.domain.Reservation} aggregate, the local
 * {@link com.msaair.reservation.domain.Flight} replica with its seat inventory, the rules (never
 * oversell, miles = flight miles x passengers, cancel once), the events, and the ports the
 * adapters implement. No Jakarta or MicroProfile types here.
 */
package com.msaair.reservation.domain;
