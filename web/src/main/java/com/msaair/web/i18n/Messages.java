package com.msaair.web.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Every text the front end shows, from one resource bundle per language: {@code i18n/messages}
 * (English) and {@code i18n/messages_ko} (Korean). Templates read it through Thymeleaf's
 * {@code #{key}}; the code (live board, payment status) through {@link #text}.
 */
public final class Messages implements IMessageResolver {

    public static final String BUNDLE = "i18n.messages";
    /** The languages there is a bundle for; the first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    // No fallback to the JVM's default locale: English is the base bundle, whatever the server's language.
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), CONTROL);
    }

    /** The text of {@code key} in {@code locale}, its {0}, {1}… filled from {@code args}; the key itself when it has none. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the bundles have a text for {@code key}. */
    public static boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }

    @Override
    public String getName() {
        return "msaair";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        Locale locale = context.getLocale();
        if (!has(locale, key)) {
            return null;
        }
        return text(locale, key, messageParameters == null ? new Object[0] : messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return "??" + key + "??";
    }
}
