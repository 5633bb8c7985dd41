package com.msaair.web.pages;

import com.msaair.web.i18n.Language;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The language switch: remembers the choice in a cookie (a year) and goes back to the page it was
 * made on. Only a path of this site is gone back to, never another site (no open redirect).
 */
@WebServlet("/lang")
public class LanguageSwitch extends HttpServlet {

    /** Where the browser reaches the gateway over HTTPS (behind it this server sees plain HTTP). */
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "cookie.secure", defaultValue = "false")
    boolean secure;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Locale language = Language.supported(request.getParameter("to"));
        if (language != null) {
            // Set by hand: jakarta.servlet.http.Cookie cannot say SameSite.
            response.addHeader("Set-Cookie", Language.COOKIE + "=" + language.getLanguage() + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
                    + (secure ? "; Secure" : ""));
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", localPath(request.getParameter("next")));
    }

    /** {@code next} if it is a path of this site, else the front page. */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
