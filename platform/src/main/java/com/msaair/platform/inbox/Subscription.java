package com.msaair.platform.inbox;

/**
 * One consumer of one channel: the topic it reads (the channel's name), the event types it takes and
 * the handler that applies them. Made by {@link Inbox#consume}.
 */
public record Subscription(String channel, EventTypes types, EventHandler handler) {}
