package com.msaair.reservation.adapter.in.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.platform.security.Roles;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class GrpcAccessTest {

    @Test
    void everyMethodOfEveryServedServiceSaysWhoMayCallIt() {
        for (ServiceDescriptor service : GrpcAccess.SERVED.keySet()) {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                assertThat(GrpcAccess.declared(GrpcAccess.SERVED.get(service), MethodDescriptor.extractBareMethodName(method.getFullMethodName())))
                        .as(method.getFullMethodName()).isNotNull();
                assertThat(GrpcAccess.serves(method.getFullMethodName())).isTrue();
            }
        }
    }

    @Test
    void bookingsAreForCustomersAndStaffAndTheirListForCustomers() {
        for (String method : List.of("Book", "Cancel", "Get", "Watch")) {
            assertThat(GrpcAccess.of(BookingServiceGrpc.SERVICE_NAME + "/" + method))
                    .isEqualTo(new GrpcAccess.Rule(false, Set.of(Roles.CUSTOMER, Roles.MANAGER)));
        }
        assertThat(GrpcAccess.of(BookingServiceGrpc.SERVICE_NAME + "/ListMine")).isEqualTo(new GrpcAccess.Rule(false, Set.of(Roles.CUSTOMER)));
        assertThat(GrpcAccess.of("grpc.health.v1.Health/Check").anyone()).isTrue();
        assertThat(GrpcAccess.of("grpc.reflection.v1.ServerReflection/ServerReflectionInfo").anyone()).isTrue();
    }

    @Test
    void aMethodNobodyDeclaredIsClosedToEveryone() {
        assertThat(GrpcAccess.of("msaair.booking.v1.BookingService/Refund")).isEqualTo(GrpcAccess.Rule.NOBODY);
        assertThat(GrpcAccess.declared(Undeclared.class, "Book")).isNull();
        assertThat(GrpcAccess.rules(java.util.Map.of(BookingServiceGrpc.getServiceDescriptor(), Undeclared.class)).values())
                .containsOnly(GrpcAccess.Rule.NOBODY);
    }

    @Test
    void whoIsRefusedAndHow() {
        GrpcAccess.Rule customers = new GrpcAccess.Rule(false, Set.of(Roles.CUSTOMER));
        GrpcAccess.Rule anyone = new GrpcAccess.Rule(true, Set.of());

        assertThat(code(customers, Optional.empty())).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(customers, Optional.of(GrpcCallerHandover.Verdict.anonymous(Runnable::run)))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(customers, Optional.of(GrpcCallerHandover.Verdict.refused("expired")))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(anyone, Optional.of(GrpcCallerHandover.Verdict.refused("expired")))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(customers, Optional.of(GrpcCallerHandover.Verdict.caller(token(Roles.OPERATOR), Runnable::run))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcCallContext.refusal(customers, Optional.of(GrpcCallerHandover.Verdict.caller(token(Roles.CUSTOMER), Runnable::run)))).isNull();
        assertThat(GrpcCallContext.refusal(anyone, Optional.of(GrpcCallerHandover.Verdict.anonymous(Runnable::run)))).isNull();
    }

    private static Status.Code code(GrpcAccess.Rule rule, Optional<GrpcCallerHandover.Verdict> verdict) {
        StatusRuntimeException refusal = GrpcCallContext.refusal(rule, verdict);
        return refusal.getStatus().getCode();
    }

    private static JsonWebToken token(String role) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of();
            }

            @Override
            public <T> T getClaim(String claimName) {
                return null;
            }

            @Override
            public Set<String> getGroups() {
                return Set.of(role);
            }
        };
    }

    /** A booking service that forgot to say who may call it. */
    static class Undeclared implements BookingServiceGrpc.AsyncService {}
}
