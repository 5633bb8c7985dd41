package com.msaair.reservation.adapter.in.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.msaair.platform.admission.OverloadedException;
import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.AccessDeniedException;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.Seat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrpcStatusesTest {

    @Test
    void everyKindOfRefusalHasItsCodeAndNoneIsInternal() {
        assertThat(code(ReservationException.notFound(7))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(ReservationException.flightNotFound(7))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(ReservationException.soldOut(7, 3, 1))).isEqualTo(Status.Code.ABORTED);
        assertThat(code(ReservationException.seatsTaken(7, List.of(Seat.parse("12A"))))).isEqualTo(Status.Code.ABORTED);
        assertThat(code(ReservationException.flightCancelled(7))).isEqualTo(Status.Code.ABORTED);
        assertThat(code(ReservationException.alreadyCancelled(7L))).isEqualTo(Status.Code.ABORTED);
        assertThat(code(ReservationException.paymentDeclined(7, "insufficient_funds"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(ReservationException.unknownPaymentMethod(7))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(ReservationException.idempotencyKeyReused("k1"))).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(code(ReservationException.seatsPerPassenger(2, 1))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(new InvalidRequestException("passengers", "is required"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(new AccessDeniedException("customer_id", "names another customer"))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(new OverloadedException("booking", OverloadedException.Reason.QUEUE_FULL, Duration.ofSeconds(1))))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void aTakenSeatIsNamedInTheMessageAndItsFieldInTheDetails() throws Exception {
        StatusRuntimeException answer = GrpcStatuses.of(ReservationException.seatsTaken(7, List.of(Seat.parse("12A"))));

        assertThat(answer.getStatus().getDescription()).contains("12A");
        com.google.rpc.Status details = details(answer);
        assertThat(details.getCode()).isEqualTo(Status.Code.ABORTED.value());
        assertThat(unpack(details, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("SEAT_TAKEN");
        assertThat(unpack(details, BadRequest.class).orElseThrow().getFieldViolations(0).getField()).isEqualTo("seats");
    }

    @Test
    void aDeclinedPaymentNamesThePaymentMethodAndTheProcessorsReason() throws Exception {
        StatusRuntimeException answer = GrpcStatuses.of(ReservationException.paymentDeclined(7, "insufficient_funds"));

        assertThat(answer.getStatus().getDescription()).contains("insufficient_funds");
        BadRequest.FieldViolation violation = unpack(details(answer), BadRequest.class).orElseThrow().getFieldViolations(0);
        assertThat(violation.getField()).isEqualTo("payment_method");
        assertThat(violation.getDescription()).contains("insufficient_funds");
    }

    @Test
    void fieldsAreNamedAsTheProtoNamesThem() throws Exception {
        StatusRuntimeException answer = GrpcStatuses.of(new InvalidRequestException(List.of(
                new FieldError("scheduleId", "is required"), new FieldError("Idempotency-Key", "is too long"))));

        assertThat(unpack(details(answer), BadRequest.class).orElseThrow().getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("schedule_id", "idempotency_key");
        assertThat(answer.getStatus().getDescription()).isEqualTo("schedule_id is required; idempotency_key is too long");
        assertThat(GrpcStatuses.fieldName("payment_method")).isEqualTo("payment_method");
        assertThat(GrpcStatuses.fieldName("customerId")).isEqualTo("customer_id");
    }

    @Test
    void anOverloadedServerSaysWhenToTryAgain() throws Exception {
        StatusRuntimeException answer = GrpcStatuses.of(new OverloadedException("booking", OverloadedException.Reason.WAITED_TOO_LONG,
                Duration.ofSeconds(2)));

        assertThat(unpack(details(answer), RetryInfo.class).orElseThrow().getRetryDelay().getSeconds()).isEqualTo(2);
    }

    @Test
    void onlyTheServersOwnFailureIsInternalAndItTellsNothingButAnIncident() {
        StatusRuntimeException answer = GrpcStatuses.of(new IllegalStateException("db password=secret"));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(answer.getStatus().getDescription()).contains("incident").doesNotContain("secret");
    }

    private static Status.Code code(RuntimeException refusal) {
        return GrpcStatuses.of(refusal).getStatus().getCode();
    }

    private static com.google.rpc.Status details(StatusRuntimeException answer) throws InvalidProtocolBufferException {
        return com.google.rpc.Status.parseFrom(answer.getTrailers().get(GrpcStatuses.DETAILS));
    }

    private static <T extends com.google.protobuf.Message> Optional<T> unpack(com.google.rpc.Status details, Class<T> type)
            throws InvalidProtocolBufferException {
        for (com.google.protobuf.Any detail : details.getDetailsList()) {
            if (detail.is(type)) {
                return Optional.of(detail.unpack(type));
            }
        }
        return Optional.empty();
    }
}
