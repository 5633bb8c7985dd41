package com.msaair.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Location} of what a request created or accepted, as a path-absolute reference
 * ({@code /api/reservations/81}, RFC 9110 §10.2.2 allows it): the client resolves it against the URI it
 * used, so it names whatever host and port the client reached — through a gateway or not — and nothing
 * a request header chose. JAX-RS's {@code Response.created(uri)} resolves any URI against the request's
 * base URI, which Liberty builds from the {@code Host} header (a booking sent with
 * {@code Host: evil.example} was answered {@code Location: http://evil.example/api/reservations/81}):
 * the header is set here as text, which RESTEasy writes as it is.
 */
public final class Locations {

    private Locations() {}

    /** 201 Created, located at {@code collection/id} under the application's path. */
    public static Response.ResponseBuilder created(UriInfo request, String collection, Object id) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, of(request.getBaseUri(), collection, id));
    }

    /** 202 Accepted, to be followed at {@code collection/id} under the application's path. */
    public static Response.ResponseBuilder accepted(UriInfo request, String collection, Object id) {
        return Response.status(Response.Status.ACCEPTED).header(HttpHeaders.LOCATION, of(request.getBaseUri(), collection, id));
    }

    /** {@code /api/reservations/81} for base {@code http://whoever/api/}: the base's path only, never its host. */
    static String of(URI base, String collection, Object id) {
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return (path.endsWith("/") ? path : path + "/") + segment(collection) + "/" + segment(String.valueOf(id));
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
