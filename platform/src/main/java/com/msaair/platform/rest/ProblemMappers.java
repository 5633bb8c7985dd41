package com.msaair.platform.rest;

import com.msaair.platform.domain.DomainException;
import com.msaair.platform.json.FieldError;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error any service answers is an {@code application/problem+json}, including the ones the
 * JAX-RS runtime raises itself (unknown path, wrong method, unsupported content type), and none
 * carries a stack trace. Unexpected failures are logged with an id the answer repeats.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.typed("invalid-request", Status.BAD_REQUEST, e.getMessage(), e.errors()).toResponse();
        }
    }

    @Provider
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            Response.StatusType status = switch (e.kind()) {
                case INVALID -> Status.BAD_REQUEST;
                case NOT_FOUND -> Status.NOT_FOUND;
                case CONFLICT -> Status.CONFLICT;
                case UNPROCESSABLE -> UNPROCESSABLE_ENTITY;
                case PAYMENT_REQUIRED -> Status.PAYMENT_REQUIRED;
                case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
            };
            List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
            return Problem.typed(e.code(), status, e.getMessage(), errors).toResponse();
        }
    }

    /**
     * A request refused for want of capacity (platform's admission control) before any of its work:
     * 503 with Retry-After, so a client knows it may send it again, and when.
     */
    @Provider
    public static class Overloaded implements ExceptionMapper<com.msaair.platform.admission.OverloadedException> {
        @Override
        public Response toResponse(com.msaair.platform.admission.OverloadedException e) {
            return Problem.typed("overloaded", Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of()).toResponseBuilder()
                    .header("Retry-After", String.valueOf(e.retryAfter().toSeconds())).build();
        }
    }

    /** Bodies that are not JSON at all. */
    @Provider
    public static class AccessDenied implements ExceptionMapper<com.msaair.platform.security.AccessDeniedException> {
        @Override
        public Response toResponse(com.msaair.platform.security.AccessDeniedException e) {
            List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
            String detail = e.field() == null ? e.getMessage() : e.field() + " " + e.getMessage();
            return Problem.typed("access-denied", Status.FORBIDDEN, detail, errors).toResponse();
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformedBody();
        }
    }

    static Response malformedBody() {
        return Problem.typed("malformed-json", Status.BAD_REQUEST, "The request body is not valid JSON",
                List.of(new FieldError("body", "must be a valid JSON object"))).toResponse();
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidRequestException invalid) {
                    return new InvalidRequest().toResponse(invalid); // thrown while reading the body
                }
            }
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            if (status.getStatusCode() >= 500) {
                return Unexpected.answer(e);
            }
            if (isMalformedBody(e)) {
                return malformedBody();
            }
            Response.ResponseBuilder answer = Problem.of(status, detail(status)).toResponseBuilder();
            // Keep what the protocol needs, e.g. Allow on 405.
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }

        private static boolean isMalformedBody(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonException || cause instanceof jakarta.json.bind.JsonbException) {
                    return true;
                }
            }
            return false;
        }

        private static String detail(Response.StatusType status) {
            return switch (status.getStatusCode()) {
                case 404 -> "No such resource";
                case 405 -> "This resource does not support that method";
                case 406 -> "This resource answers only application/json";
                case 413 -> "The request body is too large";
                case 415 -> "Send the body as application/json";
                default -> status.getReasonPhrase();
            };
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return answer(e);
        }

        static Response answer(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
            return Problem.of(Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side (incident " + incident + ")").toResponse();
        }
    }

    static final Response.StatusType UNPROCESSABLE_ENTITY = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
