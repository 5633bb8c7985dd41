package com.msaair.reservation.adapter.in.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.msaair.platform.admission.OverloadedException;
import com.msaair.platform.domain.DomainException;
import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.AccessDeniedException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC answer to each refusal, from the same exceptions platform's ProblemMappers turn into
 * problem+json: one mapping per protocol, the rules themselves stay where they are. Every status carries
 * a {@code google.rpc.Status} in the standard {@code grpc-status-details-bin} trailer with an
 * {@link ErrorInfo} (reason: the problem's code in capitals, e.g. {@code SEAT_TAKEN}; domain
 * {@value #DOMAIN}), a {@link BadRequest} naming the field (its name in the .proto) when the refusal is
 * about one, and a {@link RetryInfo} when the server is at capacity.
 *
 * <pre>
 * InvalidRequestException, DomainException INVALID, UNPROCESSABLE  INVALID_ARGUMENT   (REST 400, 422)
 * DomainException NOT_FOUND                                       NOT_FOUND          (404)
 * DomainException CONFLICT                                        ABORTED            (409: seat taken, sold out, ...)
 *   idempotency-key-reused (UNPROCESSABLE)                        ALREADY_EXISTS     (422)
 * DomainException PAYMENT_REQUIRED                                FAILED_PRECONDITION (402, the processor's reason)
 * DomainException UNAVAILABLE                                     UNAVAILABLE        (503)
 * AccessDeniedException                                           PERMISSION_DENIED  (403)
 * OverloadedException                                             RESOURCE_EXHAUSTED (503 + Retry-After)
 * anything else: the server's fault, logged with an incident id   INTERNAL           (500)
 * </pre>
 *
 * A reused idempotency key is the one refusal whose kind is too coarse for gRPC: a key that already
 * names another booking is what ALREADY_EXISTS means.
 */
public final class GrpcStatuses {

    static final String DOMAIN = "msaair";
    /** The standard trailer (what {@code io.grpc.protobuf.StatusProto} reads). */
    static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class.getName());

    private GrpcStatuses() {}

    /** The status to close a call with for {@code failure}, thrown while serving it. */
    public static StatusRuntimeException of(Throwable failure) {
        if (failure instanceof StatusRuntimeException already) {
            return already;
        }
        if (failure instanceof InvalidRequestException invalid) {
            String detail = String.join("; ", invalid.errors().stream().map(e -> fieldName(e.field()) + " " + e.message()).toList());
            return answer(Status.Code.INVALID_ARGUMENT, "invalid-request", detail, invalid.errors(), null);
        }
        if (failure instanceof DomainException refused) {
            List<FieldError> errors = refused.field() == null ? List.of() : List.of(new FieldError(refused.field(), refused.getMessage()));
            return answer(code(refused), refused.code(), refused.getMessage(), errors, null);
        }
        if (failure instanceof AccessDeniedException denied) {
            List<FieldError> errors = denied.field() == null ? List.of() : List.of(new FieldError(denied.field(), denied.getMessage()));
            String detail = denied.field() == null ? denied.getMessage() : fieldName(denied.field()) + " " + denied.getMessage();
            return answer(Status.Code.PERMISSION_DENIED, "access-denied", detail, errors, null);
        }
        if (failure instanceof OverloadedException overloaded) {
            return answer(Status.Code.RESOURCE_EXHAUSTED, "overloaded", overloaded.getMessage(), List.of(), overloaded.retryAfter());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure of a gRPC call, incident " + incident, failure);
        return answer(Status.Code.INTERNAL, "internal", "Something went wrong on our side (incident " + incident + ")", List.of(), null);
    }

    /** A refusal the adapter itself decides (who may call): the same shape as the others. */
    static StatusRuntimeException refusal(Status.Code code, String reason, String detail) {
        return answer(code, reason, detail, List.of(), null);
    }

    static Status.Code code(DomainException refused) {
        if ("idempotency-key-reused".equals(refused.code())) {
            return Status.Code.ALREADY_EXISTS;
        }
        return switch (refused.kind()) {
            case INVALID, UNPROCESSABLE -> Status.Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
            case CONFLICT -> Status.Code.ABORTED;
            case PAYMENT_REQUIRED -> Status.Code.FAILED_PRECONDITION;
            case UNAVAILABLE -> Status.Code.UNAVAILABLE;
        };
    }

    /**
     * A field as the .proto names it: the application and REST name fields in JSON's camelCase
     * ({@code paymentMethod}) or as a header ({@code Idempotency-Key}); the message's field is
     * {@code payment_method}, {@code idempotency_key}.
     */
    static String fieldName(String field) {
        StringBuilder name = new StringBuilder(field.length() + 4);
        char previous = 0;
        for (char c : field.toCharArray()) {
            if (c == '-') {
                name.append('_');
            } else if (Character.isUpperCase(c)) {
                if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
            previous = c;
        }
        return name.toString();
    }

    private static StatusRuntimeException answer(Status.Code code, String reason, String detail, List<FieldError> errors,
            java.time.Duration retryAfter) {
        com.google.rpc.Status.Builder details = com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(detail)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason.toUpperCase(Locale.ROOT).replace('-', '_')).setDomain(DOMAIN).build()));
        if (!errors.isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            errors.forEach(e -> badRequest.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder().setField(fieldName(e.field())).setDescription(e.message())));
            details.addDetails(Any.pack(badRequest.build()));
        }
        if (retryAfter != null) {
            details.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder().setSeconds(retryAfter.toSeconds())).build()));
        }
        Metadata trailers = new Metadata();
        trailers.put(DETAILS, details.build().toByteArray());
        return code.toStatus().withDescription(detail).asRuntimeException(trailers);
    }
}
