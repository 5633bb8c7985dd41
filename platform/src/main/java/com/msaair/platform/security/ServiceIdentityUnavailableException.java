package com.msaair.platform.security;

/**
 * This service could not get a token of its own (the identity provider did not answer, refused its
 * client, or the client is not configured). A call that needs one fails like a call to a service
 * that is down: its fault-tolerance policy decides what happens then.
 */
public class ServiceIdentityUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceIdentityUnavailableException(String message) {
        super(message);
    }

    public ServiceIdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
