package com.msaair.reservation.adapter.in.grpc;

import com.msaair.platform.security.BearerTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who makes each gRPC call, settled on the servlet thread the call arrives on — the one place Liberty's
 * MP-JWT can be asked, as REST's BearerAuthentication asks it ({@link BearerTokens}: the same checks, the
 * same verifier). Liberty then serves the call on a thread of gRPC's own, where neither the request nor
 * its security context is: so the verdict, and the thread context it was reached in (the caller's
 * subject, the application's), is handed to {@link GrpcCallContext} under a random key in a header
 * only this filter sets. Nothing is answered here: refusals are gRPC statuses, closed by the interceptor.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class GrpcCallers implements Filter {

    /** Set by this filter alone: a client's own is dropped. */
    static final String HANDOVER_HEADER = "msaair-grpc-call";

    @Inject
    BearerTokens tokens;

    @Inject
    GrpcCallerHandover handover;

    @Resource
    ContextService contexts;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!isGrpc(http)) {
            chain.doFilter(request, response);
            return;
        }
        String method = http.getRequestURI().substring(http.getContextPath().length() + 1);
        if (!GrpcAccess.serves(method)) {
            chain.doFilter(new Handover(http, null), response); // UNIMPLEMENTED: gRPC answers before any interceptor
            return;
        }
        String authorization = http.getHeader("authorization");
        GrpcCallerHandover.Verdict verdict;
        if (authorization == null) {
            verdict = GrpcCallerHandover.Verdict.anonymous(contexts.currentContextExecutor());
        } else {
            HttpServletResponse answer = (HttpServletResponse) response;
            var refusal = tokens.authenticate(authorization, http, answer);
            if (refusal.isPresent()) {
                // The verifier may have set a 401 and its challenge: the call is answered in gRPC's terms instead.
                if (!answer.isCommitted()) {
                    answer.reset();
                }
                verdict = GrpcCallerHandover.Verdict.refused(refusal.get().detail());
            } else if (http.getUserPrincipal() instanceof JsonWebToken token) {
                verdict = GrpcCallerHandover.Verdict.caller(token, contexts.currentContextExecutor());
            } else {
                verdict = GrpcCallerHandover.Verdict.refused("The bearer token is not valid here");
            }
        }
        chain.doFilter(new Handover(http, handover.put(verdict)), response);
    }

    /** Liberty's own test for a gRPC request (io.grpc.servlet.ServletAdapter): any other is not a call. */
    private static boolean isGrpc(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().contains("application/grpc");
    }

    /** The request as gRPC reads its metadata: the handover key in place of whatever the client sent under that name. */
    private static final class Handover extends HttpServletRequestWrapper {
        private final String key;

        Handover(HttpServletRequest request, String key) {
            super(request);
            this.key = key;
        }

        @Override
        public String getHeader(String name) {
            return HANDOVER_HEADER.equalsIgnoreCase(name) ? key : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HANDOVER_HEADER.equalsIgnoreCase(name)) {
                return Collections.enumeration(key == null ? List.of() : List.of(key));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(HANDOVER_HEADER::equalsIgnoreCase);
            if (key != null) {
                names.add(HANDOVER_HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
