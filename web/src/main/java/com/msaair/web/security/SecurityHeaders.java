package com.msaair.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer carries (pages, assets, error pages, the live board's stream). The content
 * security policy allows scripts, styles, images and requests from this origin only — no inline script
 * or style, no {@code 'unsafe-inline'} — forms to this origin and the realm's (sign-out goes on there),
 * and no framing at all.
 */
public class SecurityHeaders extends HttpFilter {

    @Inject
    SignIn signIn;

    static String contentSecurityPolicy(String realmOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self';"
                + " manifest-src 'self'; form-action 'self' " + realmOrigin + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(signIn.issuerOrigin()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.getRequestURI().startsWith("/assets/")) {
            response.setHeader("Cache-Control", "public, max-age=3600");
        } else {
            // Pages show a person's own trips and miles: no cache keeps them.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
