package com.msaair.reservation.adapter.in.grpc;

import com.msaair.booking.v1.BookingServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * The standard gRPC health check (grpc.health.v1.Health/Check) for the server ("") and the booking
 * service: SERVING exactly when /health/ready is UP (every readiness check of the application), so a
 * gRPC-aware balancer or probe sees what Kubernetes' readiness probe sees. Watch is not offered
 * (UNIMPLEMENTED, which the protocol allows): nothing here needs a stream held open per prober.
 */
@PermitAll
public class GrpcHealth implements HealthGrpc.AsyncService, BindableService {

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> readiness;

    @Override
    public ServerServiceDefinition bindService() {
        return StrictRequests.of(HealthGrpc.bindService(this), false);
    }

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> reply) {
        String service = request.getService();
        if (!service.isEmpty() && !service.equals(BookingServiceGrpc.SERVICE_NAME)) {
            reply.onError(io.grpc.Status.NOT_FOUND.withDescription("No service " + service + " here").asRuntimeException());
            return;
        }
        boolean ready = readiness.stream().allMatch(check -> check.call().getStatus() == org.eclipse.microprofile.health.HealthCheckResponse.Status.UP);
        reply.onNext(HealthCheckResponse.newBuilder().setStatus(ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING).build());
        reply.onCompleted();
    }
}
