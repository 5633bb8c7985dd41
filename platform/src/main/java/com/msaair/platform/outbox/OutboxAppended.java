package com.msaair.platform.outbox;

/** Fired when a transaction wrote to the outbox; observed after commit so the relay starts at once. */
public record OutboxAppended() {}
