package com.msaair.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityTest {

    @Test
    void theContentSecurityPolicyAllowsNothingInlineAndNoFraming() {
        String csp = SecurityHeaders.contentSecurityPolicy("http://localhost:8180");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "default-src 'none'", "base-uri 'none'")
                .contains("form-action 'self' http://localhost:8180")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
    }

    @Test
    void aRequestABrowserSaysCameFromAnotherSiteIsRefused() {
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "localhost:9080")))).as("no Origin (a same-origin form in some browsers)").isTrue();
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "localhost:9080", "Origin", "http://localhost:9080")))).isTrue();
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "api.msaair.example", "Origin", "https://api.msaair.example")))).as("TLS ends at the gateway").isTrue();
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "localhost:9080", "Origin", "http://evil.example")))).isFalse();
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "localhost:9080", "Origin", "null")))).isFalse();
        assertThat(CsrfGuard.sameOrigin(request(Map.of("Host", "localhost:9080", "Origin", "not a url")))).isFalse();
    }

    private static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
    }
}
