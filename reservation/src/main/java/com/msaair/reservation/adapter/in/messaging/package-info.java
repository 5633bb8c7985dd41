/** Kafka adapter: consumes schedule-events through the platform inbox (idempotent, dead-lettering). */
package com.msaair.reservation.adapter.in.messaging;
