package com.msaair.web.pages;

import com.msaair.web.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The pages' templates (Thymeleaf, in {@code templates/}): HTML escaped by default, texts from the
 * language's bundle ({@link Messages}). Templates hold no script and no style attribute: the CSP allows
 * neither inline.
 */
@ApplicationScoped
public class Templates {

    private final TemplateEngine engine = new TemplateEngine();
    private volatile JakartaServletWebApplication application;

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new Messages());
    }

    public void render(HttpServletRequest request, HttpServletResponse response, String template, Locale locale, Map<String, Object> model)
            throws IOException {
        WebContext context = new WebContext(application(request.getServletContext()).buildExchange(request, response), locale, model);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        engine.process(template, context, response.getWriter());
    }

    private JakartaServletWebApplication application(ServletContext servletContext) {
        JakartaServletWebApplication app = application;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(servletContext);
            application = app;
        }
        return app;
    }
}
