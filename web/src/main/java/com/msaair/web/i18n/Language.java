package com.msaair.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language of a page: the one the person chose (the {@value #COOKIE} cookie, set by the language
 * switch), else the first of the browser's languages there is a bundle for, else English.
 */
public final class Language {

    public static final String COOKIE = "msaair_lang";

    private Language() {}

    public static Locale of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Locale chosen = supported(cookie.getValue());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            }
        }
        for (Locale wanted : java.util.Collections.list(request.getLocales())) {
            Locale known = supported(wanted.getLanguage());
            if (known != null) {
                return known;
            }
        }
        return Messages.LANGUAGES.get(0);
    }

    /** The supported language of this code (en, ko), or null. */
    public static Locale supported(String code) {
        for (Locale language : Messages.LANGUAGES) {
            if (language.getLanguage().equals(code)) {
                return language;
            }
        }
        return null;
    }
}
