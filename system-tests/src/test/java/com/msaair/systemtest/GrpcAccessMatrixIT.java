package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.CancelRequest;
import com.msaair.booking.v1.GetRequest;
import com.msaair.booking.v1.ListMineRequest;
import com.msaair.booking.v1.Reservation;
import com.msaair.booking.v1.WatchRequest;
import com.msaair.localstack.BookingClient;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Grpc;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.Tokens;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what over gRPC, every method the server serves × every kind of caller: none, an expired
 * token, a broken signature, another issuer, another audience, a role the method does not admit,
 * another customer, the right one. The methods are the ones reservation's server reflection lists, so a
 * method added to the .proto and served is in this matrix or fails it ({@link #RULES} must say who may
 * call it). A token presented and refused is UNAUTHENTICATED on public methods too, as over REST;
 * another customer's booking is NOT_FOUND, as an id nobody has; naming another customer is
 * PERMISSION_DENIED.
 */
@Order(10)
@ExtendWith(SystemStack.class)
class GrpcAccessMatrixIT {

    /** What a caller gets: OK, or the code. */
    record Case(String method, String caller, Status.Code expected) {}

    /** The data: customer A's booking, and two more of A's that staff's and A's own Cancel end. */
    record Fixture(String a, String b, long flight, long reservation, long cancellable, long staffCancellable) {}

    /** Who may call each served method: "anyone", or roles. A served method missing here fails the test. */
    static final Map<String, List<String>> RULES = Map.of(
            "msaair.booking.v1.BookingService/Book", List.of("customer", "manager"),
            "msaair.booking.v1.BookingService/Cancel", List.of("customer", "manager"),
            "msaair.booking.v1.BookingService/Get", List.of("customer", "manager"),
            "msaair.booking.v1.BookingService/Watch", List.of("customer", "manager"),
            "msaair.booking.v1.BookingService/ListMine", List.of("customer"),
            "grpc.health.v1.Health/Check", List.of("anyone"),
            "grpc.health.v1.Health/Watch", List.of("anyone"),
            "grpc.reflection.v1.ServerReflection/ServerReflectionInfo", List.of("anyone"));

    @Test
    void everyServedMethodAdmitsExactlyTheCallersItsRuleSays() throws Exception {
        List<String> served = servedMethods();
        assertThat(served).as("methods the server reflects").hasSizeGreaterThanOrEqualTo(7);
        assertThat(RULES.keySet()).as("every served method has a rule here").containsAll(served);

        JsonObject flight = Api.registerFlight(20, 100);
        String a = Api.newCustomer();
        String b = Api.newCustomer();
        Fixture fixture = new Fixture(a, b, id(flight), id(Api.booked(a, id(flight), 1)), id(Api.booked(a, id(flight), 1)),
                id(Api.booked(a, id(flight), 1)));
        String expired = Tokens.expired();
        Eventually.await("the 10-second token refused as expired", Duration.ofSeconds(40),
                () -> Grpc.code(() -> Grpc.as(expired).get(GetRequest.newBuilder().setId(fixture.reservation()).build())),
                code -> code == Status.Code.UNAUTHENTICATED);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("expired", expired);
        callers.put("tampered", Tokens.tampered(Api.as(a)));
        callers.put("other issuer", Tokens.otherIssuer());
        callers.put("other audience", Tokens.otherAudience());
        callers.put("other scheme", "Basic " + Tokens.bare(Api.as(a)));
        callers.put("unknown key", Tokens.unknownKey(Api.as(a)));
        callers.put("wrong role", Api.operator());
        callers.put("staff", Api.manager());
        callers.put("another customer", Api.as(b));
        callers.put("right caller", Api.as(a));

        Map<String, String> failures = new TreeMap<>();
        int checked = 0;
        for (String method : served) {
            // Staff's Cancel and the right caller's each end a booking of A's of their own; everyone else's fails before.
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                Status.Code expected = expected(method, caller.getKey());
                Status.Code got = call(method, caller.getValue(), fixture, caller.getKey());
                checked++;
                if (got != expected) {
                    failures.put(method + " as " + caller.getKey(), "expected " + expected + ", got " + got);
                }
            }
        }
        assertThat(checked).isEqualTo(served.size() * callers.size());
        assertThat(failures).isEmpty();
    }

    static Status.Code expected(String method, String caller) {
        List<String> rule = RULES.get(method);
        boolean anyone = rule.contains("anyone");
        switch (caller) {
            case "expired", "tampered", "other issuer", "other audience", "other scheme", "unknown key":
                return Status.Code.UNAUTHENTICATED;
            case "none":
                return anyone ? okOf(method) : Status.Code.UNAUTHENTICATED;
            case "wrong role":
                return anyone ? okOf(method) : Status.Code.PERMISSION_DENIED;
            case "staff":
                if (!anyone && !rule.contains("manager")) {
                    return Status.Code.PERMISSION_DENIED;
                }
                return okOf(method);
            case "another customer":
                return switch (method) {
                    case "msaair.booking.v1.BookingService/Get", "msaair.booking.v1.BookingService/Cancel",
                            "msaair.booking.v1.BookingService/Watch" -> Status.Code.NOT_FOUND; // A's booking, as an id nobody has
                    case "msaair.booking.v1.BookingService/Book" -> Status.Code.PERMISSION_DENIED; // it names A
                    default -> okOf(method);
                };
            default:
                return okOf(method);
        }
    }

    /** Health's Watch is not offered (the protocol allows UNIMPLEMENTED); everything else answers. */
    private static Status.Code okOf(String method) {
        return method.equals("grpc.health.v1.Health/Watch") ? Status.Code.UNIMPLEMENTED : Status.Code.OK;
    }

    /** Calls {@code method} as {@code bearer} with a request about customer A's data; OK or the refusal's code. */
    static Status.Code call(String method, String bearer, Fixture f, String caller) {
        BookingClient client = Grpc.direct();
        return Grpc.code(() -> {
            switch (method) {
                case "msaair.booking.v1.BookingService/Book" -> {
                    // Names customer A: A themselves (or staff) may; another customer may not.
                    BookRequest request = BookRequest.newBuilder(Grpc.booking(f.flight(), 1, Api.VISA)).setCustomerId(f.a()).build();
                    client.as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS).book(request);
                }
                case "msaair.booking.v1.BookingService/Cancel" -> client.as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .cancel(CancelRequest.newBuilder().setId(caller.equals("staff") ? f.staffCancellable() : f.cancellable()).build());
                case "msaair.booking.v1.BookingService/Get" -> client.as(bearer).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .get(GetRequest.newBuilder().setId(f.reservation()).build());
                case "msaair.booking.v1.BookingService/ListMine" -> {
                    List<Reservation> mine = client.as(bearer).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .listMine(ListMineRequest.getDefaultInstance()).getReservationsList();
                    if (caller.equals("another customer")) {
                        assertThat(mine).extracting(Reservation::getId).as("another customer's list").doesNotContain(f.reservation());
                    }
                }
                case "msaair.booking.v1.BookingService/Watch" -> {
                    Iterator<Reservation> updates = client.as(bearer).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .watch(WatchRequest.newBuilder().setId(f.reservation()).build());
                    while (updates.hasNext()) {
                        updates.next(); // a confirmed booking: sent once, then the stream ends
                    }
                }
                case "grpc.health.v1.Health/Check" -> BookingClient.withToken(HealthGrpc.newBlockingStub(client.channel()), bearer)
                        .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
                case "grpc.health.v1.Health/Watch" -> BookingClient.withToken(HealthGrpc.newBlockingStub(client.channel()), bearer)
                        .withDeadlineAfter(10, TimeUnit.SECONDS).watch(HealthCheckRequest.getDefaultInstance()).hasNext();
                case "grpc.reflection.v1.ServerReflection/ServerReflectionInfo" -> reflect(bearer, request -> request.setListServices(""));
                default -> throw new AssertionError("No way to call " + method + " here: add one, with its rule");
            }
        });
    }

    /** The full names of every method of every service reservation's reflection lists. */
    static List<String> servedMethods() throws Exception {
        TreeSet<String> methods = new TreeSet<>();
        List<ServerReflectionResponse> services = reflect(null, request -> request.setListServices(""));
        for (var service : services.get(0).getListServicesResponse().getServiceList()) {
            ServerReflectionResponse file = reflect(null, request -> request.setFileContainingSymbol(service.getName())).get(0);
            for (var bytes : file.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                FileDescriptorProto proto = parse(bytes);
                for (ServiceDescriptorProto declared : proto.getServiceList()) {
                    String name = (proto.getPackage().isEmpty() ? "" : proto.getPackage() + ".") + declared.getName();
                    if (name.equals(service.getName())) {
                        for (MethodDescriptorProto method : declared.getMethodList()) {
                            methods.add(name + "/" + method.getName());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(methods);
    }

    private static FileDescriptorProto parse(com.google.protobuf.ByteString bytes) {
        try {
            return FileDescriptorProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** One reflection request on its own stream, as {@code bearer}; its answers. */
    static List<ServerReflectionResponse> reflect(String bearer,
            java.util.function.UnaryOperator<ServerReflectionRequest.Builder> request) {
        CompletableFuture<List<ServerReflectionResponse>> done = new CompletableFuture<>();
        List<ServerReflectionResponse> answers = new ArrayList<>();
        StreamObserver<ServerReflectionRequest> requests = BookingClient.withToken(ServerReflectionGrpc.newStub(Grpc.direct().channel()), bearer)
                .withDeadlineAfter(10, TimeUnit.SECONDS).serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(answers);
                    }
                });
        requests.onNext(request.apply(ServerReflectionRequest.newBuilder()).build());
        requests.onCompleted();
        try {
            return done.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException refusal) {
                throw refusal;
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
