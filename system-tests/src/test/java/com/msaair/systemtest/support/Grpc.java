package com.msaair.systemtest.support;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.BookingServiceGrpc.BookingServiceBlockingStub;
import com.msaair.localstack.BookingClient;
import com.msaair.localstack.Service;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The booking API over gRPC in the test stack: straight to reservation's own port, or through the
 * gateway's gRPC entry, as the caller whose {@code "Bearer …"} it is; and what a refusal said.
 */
public final class Grpc {

    private static volatile BookingClient direct;
    private static volatile BookingClient gateway;

    private Grpc() {}

    /** Reservation's own port (HTTP/2 without TLS, beside REST). */
    public static synchronized BookingClient direct() {
        if (direct == null) {
            direct = new BookingClient("localhost", SystemStack.server(Service.RESERVATION).port());
        }
        return direct;
    }

    /** The local gateway's gRPC entry. */
    public static synchronized BookingClient gateway() {
        if (gateway == null) {
            gateway = new BookingClient("localhost", SystemStack.stack().grpcGatewayPort());
        }
        return gateway;
    }

    /** A blocking stub of reservation's own port as {@code bearer} ("Bearer …", or null), with a deadline of 30 s. */
    public static BookingServiceBlockingStub as(String bearer) {
        return direct().as(bearer).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public static BookRequest booking(long scheduleId, int passengers, String paymentMethod) {
        return BookRequest.newBuilder().setScheduleId(scheduleId).setPassengers(passengers).setPaymentMethod(paymentMethod).build();
    }

    /** The refusal of {@code call}, which must refuse. */
    public static StatusRuntimeException refusal(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("The call was answered; a refusal was expected");
    }

    public static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    /** ErrorInfo's reason (SEAT_TAKEN, ...). */
    public static Optional<String> reason(StatusRuntimeException refusal) {
        return detail(refusal, ErrorInfo.class).map(ErrorInfo::getReason);
    }

    /** The fields BadRequest names. */
    public static List<String> fields(StatusRuntimeException refusal) {
        return detail(refusal, BadRequest.class).map(b -> b.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList())
                .orElse(List.of());
    }

    private static <T extends com.google.protobuf.Message> Optional<T> detail(StatusRuntimeException refusal, Class<T> type) {
        for (Any detail : BookingClient.details(refusal).map(com.google.rpc.Status::getDetailsList).orElse(List.of())) {
            if (detail.is(type)) {
                try {
                    return Optional.of(detail.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Optional.empty();
    }
}
