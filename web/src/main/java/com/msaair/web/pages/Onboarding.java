package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.MsaAir;
import com.msaair.web.api.Reply;
import com.msaair.web.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A customer's first visit makes them a customer of MSA Air (a mileage account, bound to who their token
 * says they are), with the name and e-mail address the realm has for them. Asked once per session.
 */
@ApplicationScoped
public class Onboarding {

    private static final String DONE = "msaair.customer";

    @Inject
    MsaAir api;

    @Inject
    Viewer viewer;

    public void ensureCustomer(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(DONE) != null) {
            return;
        }
        String token = viewer.accessToken();
        Reply known = api.customer(viewer.subject(), token);
        if (known.status() == 404) {
            Reply registered = api.becomeCustomer(viewer.name(), viewer.email().orElseThrow(() ->
                    new IllegalStateException("The realm gave no e-mail address for " + viewer.subject())), token);
            // 409: registered meanwhile by another tab of the same person — or the e-mail address is another
            // customer's; only asking again tells which.
            if (!registered.ok() && (registered.status() != 409 || !api.customer(viewer.subject(), token).ok())) {
                throw new ApiException("POST /api/customers", registered);
            }
        } else if (!known.ok()) {
            throw new ApiException("GET /api/customers/{id}", known);
        }
        session.setAttribute(DONE, Boolean.TRUE);
    }
}
