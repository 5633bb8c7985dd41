package com.msaair.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Answers the errors the web container raises before JAX-RS sees a request (an encoded NUL or
 * slash in the path, say) as problem+json too, instead of Liberty's HTML error page. Wired to the
 * error codes in the platform's {@code META-INF/web-fragment.xml}. A response already under way is
 * left alone: Liberty sends a gRPC stream whose deadline passed here too, its answer long begun.
 */
@WebServlet(name = "problem-error", urlPatterns = "/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 400;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String detail = status == 400 ? "The request URI is malformed" : type == null ? "Error" : type.getReasonPhrase();
        Problem problem = type == null
                ? new Problem("about:blank", "Error", status, detail, null)
                : Problem.of(type, detail);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson());
    }
}
