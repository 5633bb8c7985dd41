/**
 * One trace per booking across HTTP, the outbox and Kafka. Liberty traces JAX-RS and the Rest Client
 * by itself; what it cannot see is a message: the outbox row keeps the W3C trace context of the
 * transaction that wrote it, the relay's publish span continues it, and each consumer continues the
 * publish span while it applies the message, so what the consumer writes to its own outbox carries the
 * same trace on. See {@link com.msaair.platform.tracing.MessageTracing}.
 */
package com.msaair.platform.tracing;
