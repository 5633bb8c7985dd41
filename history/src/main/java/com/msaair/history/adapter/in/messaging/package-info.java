/** Kafka adapter: consumes reservation-events and mileage-events through the platform inbox. */
package com.msaair.history.adapter.in.messaging;
