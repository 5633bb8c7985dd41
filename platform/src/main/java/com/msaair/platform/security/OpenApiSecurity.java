package com.msaair.platform.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Says in the served OpenAPI document who may call each operation — read from the same
 * {@code @RolesAllowed}/{@code @PermitAll} the server enforces, so the document cannot drift from
 * the rule: {@code x-msaair-roles} lists the roles (or {@code anyone}), and a protected operation
 * requires the {@code oidc} scheme, which signs in against the identity provider with the
 * authorization code flow and PKCE (the OpenAPI UI's "Authorize", client {@code msaair-ui}).
 * The access-matrix system test reads {@code x-msaair-roles} from every served document.
 */
public class OpenApiSecurity implements OASFilter {

    public static final String SCHEME = "oidc";
    public static final String ROLES = "x-msaair-roles";
    public static final String ANYONE = "anyone";

    private static final Logger LOG = Logger.getLogger(OpenApiSecurity.class.getName());
    private static final List<Class<? extends Annotation>> METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String issuer = OidcSettings.publicIssuer(ConfigProvider.getConfig());
        openAPI.components(openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents());
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in with the identity provider (locally the stack's Keycloak; client id msaair-ui,"
                        + " demo users in the README). The token's groups claim carries the roles.")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                        .tokenUrl(issuer + "/protocol/openid-connect/token")
                        .refreshUrl(issuer + "/protocol/openid-connect/token")
                        .scopes(Map.of("openid", "Sign in (the roles come with the token)")))));
        Map<String, List<String>> declared = declaredRoles();
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            List<String> roles = declared.get(method.name() + " " + path);
            if (roles == null) {
                LOG.warning(() -> "No access rule found for " + method + " " + path + " in the OpenAPI document");
                return;
            }
            describe(operation, roles);
        }));
    }

    private static void describe(Operation operation, List<String> roles) {
        operation.addExtension(ROLES, roles);
        if (roles.equals(List.of(ANYONE))) {
            return;
        }
        // The scope the sign-in asks for: an OAuth2 requirement names its scopes (an empty list made Liberty's
        // validator log CWWKO1650E for every operation at every start).
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, List.of("openid")));
        String who = roles.isEmpty() ? "nobody" : String.join(" or ", roles);
        String summary = operation.getSummary() == null ? "" : operation.getSummary() + " ";
        operation.setSummary(summary + "[" + who + "]");
    }

    /** "GET /api/schedules/{id}" → the roles that may call it, from every JAX-RS resource bean. */
    private static Map<String, List<String>> declaredRoles() {
        Map<String, List<String>> roles = new HashMap<>();
        try {
            for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (Class<? extends Annotation> verb : METHODS) {
                        if (method.isAnnotationPresent(verb)) {
                            Path sub = method.getAnnotation(Path.class);
                            String path = "/api" + template(root.value()) + (sub == null ? "" : template(sub.value()));
                            roles.put(verb.getSimpleName() + " " + path, rolesOf(method, type));
                        }
                    }
                }
            }
        } catch (IllegalStateException e) {
            LOG.warning("Cannot read the access rules for the OpenAPI document: " + e.getMessage());
        }
        return roles;
    }

    private static List<String> rolesOf(Method method, Class<?> type) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return List.of(ANYONE);
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = type.getAnnotation(RolesAllowed.class);
            if (type.isAnnotationPresent(PermitAll.class)) {
                return List.of(ANYONE);
            }
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    /** "/{id: [0-9]+}" → "/{id}", and always one leading slash, none trailing. */
    private static String template(String path) {
        String plain = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        plain = plain.startsWith("/") ? plain : "/" + plain;
        return plain.endsWith("/") && plain.length() > 1 ? plain.substring(0, plain.length() - 1) : plain;
    }
}
