package com.msaair.platform.security;

/**
 * A signed-in caller asked for what their role lets them do, but about someone else: answered 403
 * (problem+json naming the field that names the other customer).
 */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public AccessDeniedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field or parameter of the request that named what the caller may not act on, or null. */
    public String field() {
        return field;
    }
}
