package com.msaair.platform.admission;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An expensive operation that runs only when there is capacity for it: at most a fixed number at
 * once, a few more waiting a short while for their turn, and the rest answered at once with 503 and
 * {@code Retry-After} ({@link OverloadedException}) before any of the operation's work is done. Past
 * capacity a server then serves what it can quickly instead of letting every request queue. The
 * limits are configured per name ({@link AdmissionLimits}); methods naming the same limit share it.
 * Put it on the inbound adapter's method (a JAX-RS resource method), outside any transaction.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Admission {

    /** The limit's name: its configuration is {@code msaair.admission.<name>.*} and its metrics' {@code limit} label. */
    @Nonbinding
    String value();
}
