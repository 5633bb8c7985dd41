package com.msaair.web.security;

/** The realm's roles, as the services know them. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String MANAGER = "manager";
    public static final String OPERATOR = "operator";

    private Roles() {}
}
