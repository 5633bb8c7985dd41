/** Kafka adapter: consumes reservation-events through the platform inbox (idempotent, dead-lettering). */
package com.msaair.mileage.adapter.in.messaging;
