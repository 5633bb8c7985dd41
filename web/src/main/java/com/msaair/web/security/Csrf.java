package com.msaair.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The synchronizer token against cross-site request forgery: one random token per session, in every
 * form (a hidden {@value #FIELD} field) and sent by the page's scripts as the {@value #HEADER} header;
 * a state-changing request without it is refused ({@link CsrfGuard}).
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_ATTRIBUTE = "msaair.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** This session's token, made on first use. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            String token = (String) session.getAttribute(SESSION_ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(SESSION_ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** Whether the request carries this session's token (compared in constant time). */
    public static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(FIELD);
        }
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
