package com.msaair.platform.admission;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Runs an {@link Admission} method only with a permit of its limit, and gives the permit back however
 * the method ends. It is the outermost of the platform's interceptors: a refused request has started
 * no transaction, taken no lock and called no other service.
 */
@Admission("") // the name is @Nonbinding: this interceptor serves every limit
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class AdmissionControl {

    @Inject
    Admissions admissions;

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        try (AdmissionLimit.Permit permit = admissions.enter(limitOf(invocation.getMethod()))) {
            return invocation.proceed();
        }
    }

    private static String limitOf(Method method) {
        Admission admission = method.getAnnotation(Admission.class);
        return (admission != null ? admission : method.getDeclaringClass().getAnnotation(Admission.class)).value();
    }
}
