package com.msaair.web.api;

/** A service could not be reached or did not answer in time. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String call, Throwable cause) {
        super(call + " did not answer: " + cause.getMessage(), cause);
    }
}
