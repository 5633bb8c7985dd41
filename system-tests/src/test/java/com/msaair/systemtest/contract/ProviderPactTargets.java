package com.msaair.systemtest.contract;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.SystemStack;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a provider verification sends the pact's requests: the stack's server of that service,
 * unless a test has put something else in front of it (a deliberately broken provider).
 */
final class ProviderPactTargets {

    private static final Map<Service, URL> OVERRIDES = new ConcurrentHashMap<>();

    private ProviderPactTargets() {}

    static URL of(Service service) {
        URL override = OVERRIDES.get(service);
        if (override != null) {
            return override;
        }
        try {
            return SystemStack.server(service).uri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void override(Service service, URL target) {
        OVERRIDES.put(service, target);
    }

    static void reset(Service service) {
        OVERRIDES.remove(service);
    }
}
