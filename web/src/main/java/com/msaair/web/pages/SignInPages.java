package com.msaair.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import com.msaair.web.security.Viewer;

/**
 * Signing in and out. {@code /signin} is protected (web.xml), so reaching it means the realm has
 * signed the person in: back to the front page. {@code /signout} (a form, with the CSRF token) ends
 * this server's session and then the realm's, which sends the browser back to the front page.
 * {@code /callback} is where the realm returns; the sign-in mechanism has done its work when this runs.
 */
@WebServlet(urlPatterns = {"/signin", "/signout", "/callback"})
public class SignInPages extends HttpServlet {

    @Inject
    Viewer viewer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/signout".equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!"/signout".equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<String> idToken = viewer.signedIn() ? viewer.identityToken() : Optional.empty();
        Optional<String> endSession = viewer.signedIn() ? viewer.endSessionEndpoint() : Optional.empty();
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        String home = origin(request) + "/";
        String target = endSession.map(endpoint -> endpoint + "?post_logout_redirect_uri=" + URLEncoder.encode(home, StandardCharsets.UTF_8)
                + idToken.map(t -> "&id_token_hint=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("")).orElse("/");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    /** This server as the browser reached it (through the gateway: its Host header). */
    static String origin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getHeader("Host");
    }
}
