package com.msaair.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signing in and out. {@code /signin} is protected (web.xml), so reaching it means the realm has
 * signed the person in: back to the front page. {@code /signout} (a form, with the CSRF token) ends
 * this server's session, and the sign-in mechanism sends the browser to the realm to end its session
 * too (RP-initiated logout); the realm then sends it back to the front page.
 * {@code /callback} is where the realm returns; the sign-in mechanism has done its work when this runs.
 */
@WebServlet(urlPatterns = {"/signin", "/signout", "/callback"})
public class SignInPages extends HttpServlet {

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
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate(); // the CSRF token and the rest of the session go with the sign-in
        }
        if (!response.isCommitted()) {
            // Normally the sign-in mechanism has sent the browser on to the realm, to end its session there
            // too (the realm asks to confirm, then comes back to the front page); failing that, home.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/");
        }
    }
}
