package com.msaair.platform.tx;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A use case whose transaction the database may roll back for a lock conflict (a deadlock or lock
 * timeout; under concurrent writes Derby does, e.g. while it preallocates identity values): it is
 * run again, up to three times. Put it on methods that start their own transaction.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnLockConflict {}
