/** Reservation events, through the idempotent inbox: a held booking opens its payment, an ended one voids or refunds it. */
package com.msaair.payment.adapter.in.messaging;
