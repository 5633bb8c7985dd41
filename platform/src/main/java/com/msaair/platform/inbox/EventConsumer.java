package com.msaair.platform.inbox;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a bean that consumes one channel through the {@link Inbox}: the bean is the
 * {@link EventHandler} of the event types it {@code handles}; those it {@code ignores} are
 * acknowledged without a transaction, and a type in neither is parked. Every such bean is subscribed
 * when the application starts ({@link EventConsumers}), so what a service consumes is said here and
 * nowhere else.
 */
@Retention(RUNTIME)
@Target(TYPE)
public @interface EventConsumer {

    /** The channel: the topic of that name. */
    String channel();

    String[] handles();

    String[] ignores() default {};
}
