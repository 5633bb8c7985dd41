package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.MsaAir;
import com.msaair.web.api.ServiceUnavailableException;
import com.msaair.web.i18n.Formats;
import com.msaair.web.i18n.Language;
import com.msaair.web.i18n.Messages;
import com.msaair.web.security.Csrf;
import com.msaair.web.security.Viewer;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every page shares: who is looking, the language, the CSRF token for its forms, a one-time
 * message carried over a redirect, and the answer to a service's refusal (its 404 is this site's 404;
 * a service that does not answer is a 503 page, never a stack trace).
 */
public abstract class Page extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(Page.class.getName());
    private static final String FLASH = "msaair.flash";

    @Inject
    protected Templates templates;

    @Inject
    protected Viewer viewer;

    @Inject
    protected MsaAir api;

    @Inject
    Onboarding onboarding;

    /** The one-time message of the next page: its bundle key, its kind (ok, error, info) and its arguments. */
    public record Flash(String kind, String text) {}

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            if (request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST && viewer.isCustomer()) {
                onboarding.ensureCustomer(request);
            }
            super.service(request, response);
        } catch (NotFound e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (ApiException e) {
            int status = e.status() == 404 ? 404 : e.status() == 403 ? 403 : 502;
            if (status == 502) {
                LOG.log(Level.WARNING, "A service refused a request this page made", e);
            }
            response.sendError(status);
        } catch (ServiceUnavailableException e) {
            LOG.warning(e.getMessage());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    protected Locale locale(HttpServletRequest request) {
        return Language.of(request);
    }

    protected String text(HttpServletRequest request, String key, Object... args) {
        return Messages.text(locale(request), key, args);
    }

    /** The model every template gets; a page adds its own. */
    protected Map<String, Object> model(HttpServletRequest request) {
        Locale locale = locale(request);
        Map<String, Object> model = new HashMap<>();
        model.put("me", Me.of(viewer));
        model.put("lang", locale.getLanguage());
        model.put("fmt", new Formats(locale));
        // Only a signed-in person has forms that change anything; an anonymous visit makes no session.
        model.put("csrf", viewer.signedIn() ? Csrf.token(request) : "");
        model.put("here", here(request));
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(FLASH) != null) {
            model.put("flash", session.getAttribute(FLASH));
            session.removeAttribute(FLASH);
        }
        return model;
    }

    protected void render(HttpServletRequest request, HttpServletResponse response, String template, Map<String, Object> model) throws IOException {
        templates.render(request, response, template, locale(request), model);
    }

    protected void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        response.setStatus(status);
        render(request, response, template, model);
    }

    /** 303: the browser follows with a GET, so a reload never posts the form again. */
    protected static void seeOther(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }

    protected void flash(HttpServletRequest request, String kind, String key, Object... args) {
        request.getSession(true).setAttribute(FLASH, new Flash(kind, text(request, key, args)));
    }

    /** A path segment that must be a positive id; anything else is a page that does not exist. */
    protected static long id(String segment) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not an id
        }
        throw new NotFound();
    }

    /** The id a form posts {@code action} to, as {@code /<id>/<action>} below this page; any other path is a page that does not exist. */
    protected static long actionOn(HttpServletRequest request, String action) {
        String[] path = segments(request);
        if (path.length != 2 || !path[1].equals(action)) {
            throw new NotFound();
        }
        return id(path[0]);
    }

    /** The path below the servlet's, split: /trips/12/cancel is ["12", "cancel"]. */
    protected static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() < 2 ? new String[0] : info.substring(1).split("/", -1);
    }

    /** The path of this page with its query, for the language switch to come back to. */
    static String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** No such page (or nothing this person may see there). */
    protected static final class NotFound extends RuntimeException {
        public NotFound() {
            super(null, null, false, false);
        }
    }
}
