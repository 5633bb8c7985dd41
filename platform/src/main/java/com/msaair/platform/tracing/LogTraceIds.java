package com.msaair.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the current trace and span ids on every log record written while a span is current, as
 * {@code ext_traceId} and {@code ext_spanId} in Liberty's JSON logs, so a log line leads to its trace.
 *
 * <p>Liberty's {@code LogRecordContext} (an IBM API every application sees) calls an extension for
 * each record and adds what it returns as an {@code ext_} field. The API is not published to Maven
 * Central, so it is reached by reflection, in this one place; where it is missing (unit tests, another
 * server) nothing happens. Liberty holds extensions weakly: this bean keeps them.
 */
@ApplicationScoped
public class LogTraceIds {

    private static final Logger LOG = Logger.getLogger(LogTraceIds.class.getName());
    private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private final List<Object> registered = new ArrayList<>();
    private Method unregister;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            Class<?> context = Class.forName(CONTEXT);
            Class<?> extension = Class.forName(CONTEXT + "$Extension");
            Method register = context.getMethod("registerExtension", String.class, extension);
            unregister = context.getMethod("unregisterExtension", String.class);
            register(register, extension, TRACE_ID, SpanContext::getTraceId);
            register(register, extension, SPAN_ID, SpanContext::getSpanId);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.FINE, "Liberty's LogRecordContext is not available; log lines carry no trace ids", e);
        }
    }

    private void register(Method register, Class<?> extension, String key, Function<SpanContext, String> id)
            throws ReflectiveOperationException {
        Object value = Proxy.newProxyInstance(extension.getClassLoader(), new Class<?>[] {extension}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getValue":
                    SpanContext span = Span.current().getSpanContext();
                    return span.isValid() ? id.apply(span) : null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "LogTraceIds(" + key + ")";
            }
        });
        register.invoke(null, key, value);
        registered.add(value);
    }

    @PreDestroy
    void stop() {
        if (unregister == null) {
            return;
        }
        for (String key : List.of(TRACE_ID, SPAN_ID)) {
            try {
                unregister.invoke(null, key);
            } catch (ReflectiveOperationException e) {
                LOG.log(Level.FINE, "Could not unregister the log extension " + key, e);
            }
        }
    }
}
