package com.msaair.platform.security;

import com.msaair.platform.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * Who is calling, settled once, first, for every request that presents credentials — on every
 * endpoint, public ones included: credentials that are presented and not good are a 401, whatever the
 * endpoint would have answered someone who sent none (RFC 6750 §3.1; a client finds out its token is
 * bad where it sent it, not on the next protected call). No {@code Authorization} header: anonymous,
 * and an endpoint that needs a role answers 401 itself. What is refused, and why, is
 * {@link BearerTokens}'s decision.
 *
 * <p>The verifier runs only when asked here: base.xml turns off Liberty's own attempt on "unprotected"
 * URIs (every JAX-RS URI is one to the web container), which ran before any application code, fetched
 * keys for unknown ones and ignored a refused token on public endpoints.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    BearerTokens tokens;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        tokens.authenticate(authorization, request, response).ifPresent(refusal -> context.abortWith(
                Problem.typed("invalid-token", Response.Status.UNAUTHORIZED, refusal.detail(), null).toResponseBuilder()
                        .header(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge()).build()));
    }
}
