/** JPA adapter: reservations, the flight replica with its seat inventory, idempotency keys. */
package com.msaair.reservation.adapter.out.persistence;
