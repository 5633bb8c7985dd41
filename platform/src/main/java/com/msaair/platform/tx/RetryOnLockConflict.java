package com.msaair.platform.tx;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A use case whose transaction the database may roll back for a lock conflict (a deadlock or lock
 * timeout; under concurrent writes Derby does, e.g. while it preallocates identity values): it is
 * run again, up to three times. The idiom: a bean of transactional steps, named in the business's
 * words, with {@code @Transactional(REQUIRES_NEW)} and this annotation on the class (reads marked
 * {@code SUPPORTS}), called from an orchestration that is in no transaction — so a remote call or a
 * mail is never repeated because a row was busy ({@code SeatBooking}, {@code PaymentSettlement}).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnLockConflict {}
