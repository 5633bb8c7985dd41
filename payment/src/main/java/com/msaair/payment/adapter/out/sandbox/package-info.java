/**
 * The sandbox card processor: the default adapter of the {@link com.msaair.payment.domain.CardProcessor}
 * port, inside the service, with the documented test payment methods of card processors' own test
 * modes (tokens, never card numbers). It keeps each answer by idempotency key in its own table, as a
 * real processor keeps it on its side. A real processor is one more adapter of the same port (see
 * docs/architecture.md, "Payments").
 */
package com.msaair.payment.adapter.out.sandbox;
