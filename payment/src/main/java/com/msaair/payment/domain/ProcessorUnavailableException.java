package com.msaair.payment.domain;

/** The card processor gave no answer (an error, a timeout): whether money moved is not known from this call. */
public class ProcessorUnavailableException extends RuntimeException {

    public ProcessorUnavailableException(String message) {
        super(message);
    }
}
