package com.msaair.platform.security;

import com.msaair.platform.rest.Problem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Deny by default: an endpoint that does not say who may call it ({@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll}, on the method or its class) answers 403 to everyone, and
 * the server says at start-up which one it is. A forgotten annotation closes an endpoint; it never
 * opens one. (The access-matrix system test, built from the served OpenAPI documents, finds it too.)
 */
@Provider
public class DenyUndeclared implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(DenyUndeclared.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || declares(method) || declares(resource.getResourceClass())) {
            return;
        }
        LOG.warning(() -> resource.getResourceClass().getName() + "." + method.getName()
                + " says nobody may call it (no @RolesAllowed or @PermitAll): it answers 403 to everyone");
        context.register((ContainerRequestFilter) request -> request.abortWith(
                Problem.typed("access-denied", Response.Status.FORBIDDEN, "This endpoint is closed", null).toResponse()));
    }

    private static boolean declares(AnnotatedElement element) {
        return element != null && (element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class));
    }
}
