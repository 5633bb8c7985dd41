/**
 * Kafka adapter: builds the timeline from reservation-events, mileage-events and payment-events, one
 * consumer a topic, through the platform inbox: one entry per event that tells the customer something.
 */
package com.msaair.history.adapter.in.messaging;
