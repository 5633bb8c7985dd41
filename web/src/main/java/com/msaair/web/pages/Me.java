package com.msaair.web.pages;

import com.msaair.web.security.Viewer;

/** Who the page is for, as the templates see it. */
public record Me(boolean signedIn, String name, boolean customer, boolean manager) {

    static Me of(Viewer viewer) {
        if (!viewer.signedIn()) {
            return new Me(false, null, false, false);
        }
        return new Me(true, viewer.name(), viewer.isCustomer(), viewer.isManager());
    }
}
