/**
 * Kafka adapter: every reservation status change (confirmed with the amount paid, a failed payment, an
 * expired hold, a cancellation), every refund and every mileage change becomes one notification to its
 * customer; CustomerRegistered tells how to reach them. One consumer a topic, through the platform inbox.
 */
package com.msaair.notification.adapter.in.messaging;
