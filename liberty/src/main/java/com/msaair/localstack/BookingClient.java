package com.msaair.localstack;

import com.msaair.booking.v1.BookingServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A client of reservation's booking API over gRPC (docs/grpc.md): one HTTP/2 connection without TLS
 * (the local gateway's gRPC entry, or a server's own port), stubs that send a bearer token in the
 * call's metadata, and the refusal details the server sends. Used by ./msaair grpc, the benchmark and
 * the system tests.
 */
public final class BookingClient implements AutoCloseable {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;

    public BookingClient(String host, int port) {
        channel = Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create()).build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** The blocking stub, as {@code token}'s holder (no token: anonymous). */
    public BookingServiceGrpc.BookingServiceBlockingStub as(String token) {
        return withToken(BookingServiceGrpc.newBlockingStub(channel), token);
    }

    /** The asynchronous stub, as {@code token}'s holder. */
    public BookingServiceGrpc.BookingServiceStub asyncAs(String token) {
        return withToken(BookingServiceGrpc.newStub(channel), token);
    }

    /** Any stub (health, reflection, a raw call's) sending {@code token}; {@code authorization} as given when it has a space (another scheme). */
    public static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        if (token == null) {
            return stub;
        }
        Metadata metadata = new Metadata();
        metadata.put(AUTHORIZATION, token.contains(" ") ? token : "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    /** The {@code google.rpc.Status} the server sent with a refusal (grpc-status-details-bin), if any. */
    public static Optional<com.google.rpc.Status> details(StatusRuntimeException refusal) {
        return Optional.ofNullable(StatusProto.fromThrowable(refusal));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
