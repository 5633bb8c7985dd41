package com.msaair.reservation.adapter.in.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Who may call each gRPC method this server serves, as each JAX-RS endpoint says it: {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll} on the implementing method or its class. Deny by default: a
 * method that declares nothing, or a method of a service not listed in {@link #SERVED}, answers
 * PERMISSION_DENIED to everyone (and the server says so at start), as platform's DenyUndeclared does
 * for REST. Liberty's grpc-1.0 would honour {@code @RolesAllowed} itself only with an appSecurity
 * feature, which these servers do not run (MP-JWT alone), and answers a role it refuses with
 * UNAUTHENTICATED; this answers it PERMISSION_DENIED.
 */
final class GrpcAccess {

    /** Who may call one method: anyone, nobody, or the holders of these roles. */
    record Rule(boolean anyone, Set<String> roles) {
        static final Rule NOBODY = new Rule(false, Set.of());

        boolean admits(Set<String> held) {
            return anyone || held.stream().anyMatch(roles::contains);
        }
    }

    /** Every gRPC service of this server, with the class that implements it. */
    static final Map<ServiceDescriptor, Class<?>> SERVED = Map.of(
            com.msaair.booking.v1.BookingServiceGrpc.getServiceDescriptor(), BookingEndpoint.class,
            io.grpc.health.v1.HealthGrpc.getServiceDescriptor(), GrpcHealth.class,
            io.grpc.reflection.v1.ServerReflectionGrpc.getServiceDescriptor(), ServerReflection.class);

    private static final Logger LOG = Logger.getLogger(GrpcAccess.class.getName());
    private static final Map<String, Rule> RULES = rules(SERVED);

    private GrpcAccess() {}

    /** The rule of a full method name ({@code msaair.booking.v1.BookingService/Book}); nobody for one this server does not declare. */
    static Rule of(String fullMethodName) {
        return RULES.getOrDefault(fullMethodName, Rule.NOBODY);
    }

    /** Whether this server serves the method at all (else the call is gRPC's UNIMPLEMENTED, no caller needed). */
    static boolean serves(String fullMethodName) {
        return RULES.containsKey(fullMethodName);
    }

    static Map<String, Rule> rules(Map<ServiceDescriptor, Class<?>> served) {
        Map<String, Rule> rules = new HashMap<>();
        served.forEach((service, implementation) -> {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                Rule rule = declared(implementation, MethodDescriptor.extractBareMethodName(method.getFullMethodName()));
                if (rule == null) {
                    LOG.warning(() -> method.getFullMethodName() + " says nobody may call it (no @RolesAllowed or @PermitAll on "
                            + implementation.getName() + "): it answers PERMISSION_DENIED to everyone");
                    rule = Rule.NOBODY;
                }
                rules.put(method.getFullMethodName(), rule);
            }
        });
        return Map.copyOf(rules);
    }

    /** The declaration on the Java method implementing {@code bareName} (Book → book), else on its class; null if none. */
    static Rule declared(Class<?> implementation, String bareName) {
        String javaName = Character.toLowerCase(bareName.charAt(0)) + bareName.substring(1);
        Optional<Method> method = Arrays.stream(implementation.getDeclaredMethods()).filter(m -> m.getName().equals(javaName)).findFirst();
        Rule onMethod = method.map(GrpcAccess::rule).orElse(null);
        return onMethod != null ? onMethod : rule(implementation);
    }

    private static Rule rule(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Rule.NOBODY;
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return new Rule(true, Set.of());
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        return roles == null ? null : new Rule(false, Set.copyOf(List.of(roles.value())));
    }
}
