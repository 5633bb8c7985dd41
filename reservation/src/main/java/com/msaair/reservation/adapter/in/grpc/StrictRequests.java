package com.msaair.reservation.adapter.in.grpc;

import com.google.protobuf.Message;
import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service whose requests are read here rather than by gRPC, so a request that is not one is the
 * client's fault. gRPC reads each request with the method's marshaller before any application code,
 * and answers one that fails — bytes that are not the message — with UNKNOWN ("Application error
 * processing RPC"): here the method is bound to the bytes as they came, and they are parsed in the
 * call, an unreadable request closing it with INVALID_ARGUMENT before its handler runs. Fields the
 * message does not have (a newer client's, or made up) are refused the same way, naming their numbers,
 * as REST refuses JSON members it does not know: a booking never goes through with part of what was
 * asked silently dropped. The descriptor is rebuilt with the original's name and schema (which server
 * reflection reads): a service definition insists on its descriptor's own method instances. A call
 * of a method that takes one request and sends none, or several, is refused the same way (gRPC's own
 * answer to either is INTERNAL).
 */
final class StrictRequests {

    /** The request as it arrived; never fails. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private StrictRequests() {}

    /** {@code service} reading its requests itself; {@code refuseUnknownFields}: a request with a field its message lacks is refused too. */
    static ServerServiceDefinition of(ServerServiceDefinition service, boolean refuseUnknownFields) {
        ServiceDescriptor original = service.getServiceDescriptor();
        List<ServerMethodDefinition<byte[], ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            methods.add(strict(method, refuseUnknownFields));
        }
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
        methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
        ServerServiceDefinition.Builder strict = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(strict::addMethod);
        return strict.build();
    }

    private static <Q, R> ServerMethodDefinition<byte[], R> strict(ServerMethodDefinition<Q, R> method, boolean refuseUnknownFields) {
        MethodDescriptor<Q, R> typed = method.getMethodDescriptor();
        MethodDescriptor<byte[], R> raw = typed.toBuilder(BYTES, typed.getResponseMarshaller()).build();
        ServerCallHandler<Q, R> handler = method.getServerCallHandler();
        ServerCallHandler<byte[], R> reading = (call, headers) ->
                new Reading<>(call, typed, refuseUnknownFields, handler.startCall(new Typed<>(call, typed), headers));
        return ServerMethodDefinition.create(raw, reading);
    }

    /** One call's requests, read here before its handler's listener sees them. */
    private static final class Reading<Q, R> extends ServerCall.Listener<byte[]> {
        private final ServerCall<byte[], R> call;
        private final MethodDescriptor<Q, R> method;
        private final boolean refuseUnknownFields;
        private final ServerCall.Listener<Q> handler;
        private final boolean one;
        private boolean refused;
        private int received;

        Reading(ServerCall<byte[], R> call, MethodDescriptor<Q, R> method, boolean refuseUnknownFields, ServerCall.Listener<Q> handler) {
            this.call = call;
            this.method = method;
            this.refuseUnknownFields = refuseUnknownFields;
            this.handler = handler;
            this.one = method.getType().clientSendsOneMessage();
        }

        private void refuse(StatusRuntimeException refusal) {
            refused = true;
            call.close(refusal.getStatus(), refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers());
        }

        @Override
        public void onMessage(byte[] bytes) {
            if (refused) {
                return;
            }
            if (one && ++received > 1) {
                refuse(GrpcStatuses.of(new InvalidRequestException("request", "must be one message: this method takes one")));
                return;
            }
            Q request;
            try {
                request = read(method, bytes, refuseUnknownFields);
            } catch (StatusRuntimeException e) {
                refuse(e);
                return;
            }
            handler.onMessage(request);
        }

        @Override
        public void onHalfClose() {
            if (refused) {
                return;
            }
            if (one && received == 0) {
                refuse(GrpcStatuses.of(new InvalidRequestException("request", "is missing: this method takes one request message")));
                return;
            }
            handler.onHalfClose();
        }

        @Override
        public void onCancel() {
            handler.onCancel();
        }

        @Override
        public void onComplete() {
            handler.onComplete();
        }

        @Override
        public void onReady() {
            handler.onReady();
        }
    }

    static <Q> Q read(MethodDescriptor<Q, ?> method, byte[] bytes, boolean refuseUnknownFields) {
        Q request;
        try {
            request = method.parseRequest(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw GrpcStatuses.of(new InvalidRequestException("request", "is not a " + method.getFullMethodName() + " request message"));
        }
        if (refuseUnknownFields && request instanceof Message message && !message.getUnknownFields().asMap().isEmpty()) {
            List<FieldError> unknown = message.getUnknownFields().asMap().keySet().stream()
                    .map(number -> new FieldError("field " + number, "is not a field of " + message.getDescriptorForType().getFullName()))
                    .toList();
            throw GrpcStatuses.of(new InvalidRequestException(unknown));
        }
        return request;
    }

    /**
     * The call as the service's own handler sees it: its typed descriptor; everything else is the call's.
     * A call's request type shows in nothing but its descriptor, so the raw call forwards as the typed one.
     */
    private static final class Typed<Q, R> extends ForwardingServerCall<Q, R> {
        private final ServerCall<Q, R> call;
        private final MethodDescriptor<Q, R> method;

        @SuppressWarnings("unchecked")
        Typed(ServerCall<byte[], R> call, MethodDescriptor<Q, R> method) {
            this.call = (ServerCall<Q, R>) (ServerCall<?, R>) call;
            this.method = method;
        }

        @Override
        protected ServerCall<Q, R> delegate() {
            return call;
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return method;
        }
    }
}
