/**
 * Payments: the {@link com.msaair.payment.domain.Payment} aggregate (one per reservation: what it
 * costs, what was captured and what is owed back or refunded), the {@link com.msaair.payment.domain.LedgerEntry}
 * of every money movement, the events, and the ports — where payments are kept and the
 * {@link com.msaair.payment.domain.CardProcessor} that moves the money. No Jakarta or MicroProfile types here.
 */
package com.msaair.payment.domain;
