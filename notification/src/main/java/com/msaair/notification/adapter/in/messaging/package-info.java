/** Kafka adapter: consumes reservation-events and mileage-events through the platform inbox. */
package com.msaair.notification.adapter.in.messaging;
