package com.msaair.reservation.adapter.in.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.Reservation;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client can send that is not a request: never INTERNAL or UNKNOWN, and the handler never runs. */
class StrictRequestsTest {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = StrictRequests.BYTES;
    private static final MethodDescriptor<byte[], byte[]> GET = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(BookingServiceGrpc.SERVICE_NAME + "/Get")
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    private final AtomicInteger handled = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        BookingServiceGrpc.AsyncService service = new BookingServiceGrpc.AsyncService() {
            @Override
            public void get(GetRequest request, StreamObserver<Reservation> reply) {
                handled.incrementAndGet();
                reply.onNext(Reservation.newBuilder().setId(request.getId()).build());
                reply.onCompleted();
            }
        };
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(StrictRequests.of(BookingServiceGrpc.bindService(service), true)).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aWellFormedRequestReachesItsHandler() throws Exception {
        Reservation answer = Reservation.parseFrom(ClientCalls.blockingUnaryCall(channel, GET, CallOptions.DEFAULT,
                GetRequest.newBuilder().setId(7).build().toByteArray()));

        assertThat(answer.getId()).isEqualTo(7);
    }

    @Test
    void bytesThatAreNotTheMessageAreTheClientsFault() {
        assertRefused(HexFormat.of().parseHex("ffffffff"), "request");
    }

    @Test
    void aFieldTheMessageDoesNotHaveIsRefusedByItsNumber() {
        assertRefused(HexFormat.of().parseHex("08074801"), "field 9"); // id 7, then field 9 (varint 1)
    }

    @Test
    void twoRequestsForAMethodThatTakesOneAreRefused() throws Exception {
        assertThat(close(GetRequest.newBuilder().setId(7).build().toByteArray(), 2).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(handled).hasValue(0);
    }

    @Test
    void aCallWithoutItsRequestIsRefused() throws Exception {
        assertThat(close(null, 0).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(handled).hasValue(0);
    }

    private void assertRefused(byte[] request, String field) {
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, GET, CallOptions.DEFAULT, request))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith(field);
                });
        assertThat(handled).hasValue(0);
    }

    private Status close(byte[] message, int times) throws Exception {
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = channel.newCall(GET, CallOptions.DEFAULT);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        for (int i = 0; i < times; i++) {
            call.sendMessage(message);
        }
        call.halfClose();
        call.request(2);
        return closed.get(5, TimeUnit.SECONDS);
    }
}
