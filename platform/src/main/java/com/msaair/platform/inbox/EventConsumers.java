package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Subscribes the service's {@link EventConsumer event consumers} to the {@link Inbox} when the application starts. */
@ApplicationScoped
public class EventConsumers {

    void subscribe(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, Inbox inbox,
            @Any Instance<EventHandler> handlers) {
        for (Instance.Handle<EventHandler> handler : handlers.handles()) {
            Class<?> consumer = handler.getBean().getBeanClass();
            inbox.consume(channelOf(consumer), EventTypes.declaredBy(consumer), handler.get());
        }
    }

    /** The channel {@code consumer} declares; an event handler that declares none is a mistake, found at startup. */
    public static String channelOf(Class<?> consumer) {
        return declaration(consumer).channel();
    }

    static EventConsumer declaration(Class<?> consumer) {
        EventConsumer declared = consumer.getAnnotation(EventConsumer.class);
        if (declared == null) {
            throw new IllegalStateException(consumer.getName() + " handles events but declares no @EventConsumer");
        }
        return declared;
    }
}
