package com.msaair.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that does not carry the session's
 * CSRF token, or that a browser says came from another origin. The answer is the 403 page.
 */
public class CsrfGuard extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Set on a refused request, so the 403 page can say the form had expired rather than "not allowed". */
    public static final String REFUSED = "msaair.csrf.refused";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || (sameOrigin(request) && Csrf.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(REFUSED, Boolean.TRUE);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** A browser names the page a request came from (Origin); when it does, it must be this server as the browser sees it. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if ("null".equals(origin)) {
            return false;
        }
        try {
            return URI.create(origin).getAuthority().equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
