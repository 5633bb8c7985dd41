package com.msaair.reservation.adapter.in.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Every gRPC call of this server (server.xml: {@code <grpc target="*" serverInterceptors=...>}) first
 * answers who may make it ({@link GrpcAccess}): no or a refused token where a role is needed →
 * UNAUTHENTICATED; a role the method does not admit → PERMISSION_DENIED. Then its application code runs
 * as a servlet request's would: in the thread context of the request it came in on (the caller's
 * subject, so the MP-JWT token and platform's Caller are the caller's, as over REST; the application's
 * components, so JPA, transactions and the Rest Clients work) and in a CDI request scope of its own.
 * Liberty runs gRPC calls on gRPC's own threads, which have neither.
 */
public class GrpcCallContext implements ServerInterceptor {

    static final Metadata.Key<String> HANDOVER = Metadata.Key.of(GrpcCallers.HANDOVER_HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    GrpcCallerHandover handover;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Optional<GrpcCallerHandover.Verdict> verdict = handover.take(headers.get(HANDOVER));
        headers.discardAll(HANDOVER);
        StatusRuntimeException refusal = refusal(GrpcAccess.of(call.getMethodDescriptor().getFullMethodName()), verdict);
        if (refusal != null) {
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {};
        }
        Executor context = verdict.get().context();
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                run(context, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                run(context, super::onHalfClose);
            }
        };
    }

    /** Why the call may not be made, or null. No verdict at all: the filter did not see the call, so nobody is trusted. */
    static StatusRuntimeException refusal(GrpcAccess.Rule rule, Optional<GrpcCallerHandover.Verdict> verdict) {
        if (verdict.isEmpty()) {
            return GrpcStatuses.refusal(Status.Code.UNAUTHENTICATED, "unauthenticated", "The caller of this call is unknown");
        }
        if (verdict.get().refusal() != null) {
            // A token that is presented and not good is refused anywhere, public methods included (as REST does).
            return GrpcStatuses.refusal(Status.Code.UNAUTHENTICATED, "invalid-token", verdict.get().refusal());
        }
        if (rule.admits(verdict.get().roles())) {
            return null;
        }
        if (verdict.get().token().isEmpty()) {
            return GrpcStatuses.refusal(Status.Code.UNAUTHENTICATED, "unauthenticated",
                    "This method needs a bearer token: send \"authorization: Bearer <token>\" in the metadata");
        }
        return GrpcStatuses.refusal(Status.Code.PERMISSION_DENIED, "access-denied", "The caller's role may not call this method");
    }

    private void run(Executor context, Runnable callback) {
        context.execute(() -> {
            RequestContextController scope = requestContexts.get();
            scope.activate();
            try {
                callback.run();
            } finally {
                scope.deactivate();
                requestContexts.destroy(scope);
            }
        });
    }
}
