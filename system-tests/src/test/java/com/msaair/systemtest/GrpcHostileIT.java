package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.Reservation;
import com.msaair.booking.v1.ReservationStatus;
import com.msaair.booking.v1.WatchRequest;
import com.msaair.localstack.BookingClient;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Grpc;
import com.msaair.systemtest.support.NothingChanged;
import com.msaair.systemtest.support.SystemStack;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client can send that is not a booking, over reservation's own port and through the gateway:
 * bytes that are not the message, fields the message does not have, a message over 64 KiB, a request
 * missing its values, two requests for a one-request method, a Watch cancelled mid-way. Each gets its
 * status — INVALID_ARGUMENT naming the field, RESOURCE_EXHAUSTED — never INTERNAL or UNKNOWN; nothing
 * is booked or published (NothingChanged); the server answers as before afterwards.
 */
@Order(10)
@ExtendWith(SystemStack.class)
class GrpcHostileIT {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @Test
    void messagesThatAreNotBookingsAreRefusedAndChangeNothing() throws Exception {
        JsonObject flight = Api.registerFlight(10, 100);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);
        NothingChanged nothing = NothingChanged.from();

        for (BookingClient client : List.of(Grpc.direct(), Grpc.gateway())) {
            // Not a protobuf message at all.
            assertRefused(raw(client, bearer, "Book", HexFormat.of().parseHex("ffffffffffff")), Status.Code.INVALID_ARGUMENT, "request");
            // A valid booking plus field 99, which BookRequest does not have.
            byte[] withUnknown = concat(Grpc.booking(id(flight), 1, Api.VISA).toByteArray(), HexFormat.of().parseHex("98060" + "1"));
            assertRefused(raw(client, bearer, "Book", withUnknown), Status.Code.INVALID_ARGUMENT, "field 99");
            // Over 64 KiB: refused unread.
            BookRequest huge = BookRequest.newBuilder(Grpc.booking(id(flight), 1, Api.VISA)).setIdempotencyKey("k".repeat(70_000)).build();
            assertThat(code(() -> client.as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS).book(huge))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            // Nothing but the payment method: every missing value named.
            StatusRuntimeException missing = Grpc.refusal(() -> client.as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .book(BookRequest.newBuilder().setPaymentMethod(Api.VISA).build()));
            assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(Grpc.fields(missing)).containsExactlyInAnyOrder("schedule_id", "passengers");
            // A card number where a processor's token goes: refused, never stored.
            StatusRuntimeException card = Grpc.refusal(() -> client.as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .book(Grpc.booking(id(flight), 1, "4111111111111111")));
            assertThat(Grpc.fields(card)).containsExactly("payment_method");
            assertThat(card.getStatus().getDescription()).doesNotContain("4111");
            // Two requests where the method takes one.
            assertThat(twice(client, bearer, Grpc.booking(id(flight), 1, Api.VISA).toByteArray())).isEqualTo(Status.Code.INVALID_ARGUMENT);
        }

        nothing.since();
        assertThat(Api.occupiedSeats(id(flight))).isEmpty();
        assertServerAnswers(bearer);
    }

    @Test
    void aWatchCancelledMidWayLeavesTheServerAsItWas() throws Exception {
        JsonObject flight = Api.registerFlight(10, 100);
        String customer = Api.newCustomer();
        String bearer = Api.as(customer);
        Reservation held = Grpc.as(bearer).book(Grpc.booking(id(flight), 1, "pm_card_slow")).getReservation();
        assertThat(held.getStatus()).isEqualTo(ReservationStatus.RESERVATION_STATUS_HELD);

        for (int i = 0; i < 20; i++) {
            CompletableFuture<Reservation> first = new CompletableFuture<>();
            CompletableFuture<Status> ended = new CompletableFuture<>();
            io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation();
            call.run(() -> Grpc.direct().asyncAs(bearer).watch(WatchRequest.newBuilder().setId(held.getId()).build(), new StreamObserver<>() {
                @Override
                public void onNext(Reservation update) {
                    first.complete(update);
                }

                @Override
                public void onError(Throwable t) {
                    ended.complete(Status.fromThrowable(t));
                }

                @Override
                public void onCompleted() {
                    ended.complete(Status.OK);
                }
            }));
            assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isIn(ReservationStatus.RESERVATION_STATUS_HELD,
                    ReservationStatus.RESERVATION_STATUS_CONFIRMED);
            call.cancel(null);
            assertThat(ended.get(10, TimeUnit.SECONDS).getCode()).isIn(Status.Code.CANCELLED, Status.Code.OK);
        }

        // The booking goes on as if nobody had watched; a new Watch still sees it settled.
        List<ReservationStatus> seen = new java.util.ArrayList<>();
        Grpc.as(bearer).withDeadlineAfter(90, TimeUnit.SECONDS).watch(WatchRequest.newBuilder().setId(held.getId()).build())
                .forEachRemaining(update -> seen.add(update.getStatus()));
        assertThat(seen).last().isEqualTo(ReservationStatus.RESERVATION_STATUS_CONFIRMED);
        assertServerAnswers(bearer);
    }

    private static void assertServerAnswers(String bearer) {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(Grpc.direct().channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(code(() -> Grpc.as(bearer).get(GetRequest.newBuilder().setId(987_654_321L).build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static void assertRefused(Status.Code got, Status.Code expected, String field) {
        assertThat(got).as(field).isEqualTo(expected);
    }

    /** Sends {@code bytes} as the request of {@code method}; the code it was answered with. */
    private static Status.Code raw(BookingClient client, String bearer, String method, byte[] bytes) {
        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(BookingServiceGrpc.SERVICE_NAME + "/" + method).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        return code(() -> ClientCalls.blockingUnaryCall(BookingClient.withToken(BookingServiceGrpc.newBlockingStub(client.channel()), bearer)
                .getChannel(), descriptor, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), bytes));
    }

    /** Two requests on one Book call. */
    private static Status.Code twice(BookingClient client, String bearer, byte[] request) throws Exception {
        MethodDescriptor<byte[], byte[]> book = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(BookingServiceGrpc.SERVICE_NAME + "/Book").setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = client.channel().newCall(book, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        Metadata headers = new Metadata();
        headers.put(BookingClient.AUTHORIZATION, bearer);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, headers);
        call.sendMessage(request);
        call.sendMessage(request);
        call.halfClose();
        call.request(2);
        return closed.get(30, TimeUnit.SECONDS).getCode();
    }

    private static Status.Code code(Runnable call) {
        return Grpc.code(call);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
