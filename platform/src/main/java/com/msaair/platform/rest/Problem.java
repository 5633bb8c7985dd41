package com.msaair.platform.rest;

import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.json.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: what every error answer of every service looks like. {@code errors}
 * names each offending field when the request itself was wrong.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    /** A problem with a stable type a client can switch on, e.g. {@code urn:problem:msaair:sold-out}. */
    public static Problem typed(String code, Response.StatusType status, String detail, List<FieldError> errors) {
        return new Problem("urn:problem:msaair:" + code, status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonSupport.objectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JsonSupport.arrayBuilder();
            errors.forEach(e -> list.add(JsonSupport.objectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(PROBLEM_JSON).entity(toJson());
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
