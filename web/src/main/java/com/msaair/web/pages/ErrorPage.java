package com.msaair.web.pages;

import com.msaair.web.security.CsrfGuard;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Every error page (web.xml's error-page entries come here): 403 (not for this role, or a form whose
 * CSRF token did not match), 404 (including another customer's trip), 503 (a service did not answer)
 * and anything else, in plain words and the page's language, never a stack trace.
 */
@WebServlet("/error")
public class ErrorPage extends Page {

    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 503);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Map<String, Object> model = model(request);
        String kind = EXPLAINED.contains(status) ? String.valueOf(status) : "other";
        if (status == 403 && Boolean.TRUE.equals(request.getAttribute(CsrfGuard.REFUSED))) {
            kind = "csrf";
        }
        model.put("status", status);
        model.put("kind", kind);
        render(request, response, status, "error", model);
    }
}
