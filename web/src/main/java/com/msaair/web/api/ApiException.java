package com.msaair.web.api;

/** A service answered with an error the page cannot treat as an outcome of its own (the page then shows an error). */
public class ApiException extends RuntimeException {

    private final Reply reply;

    public ApiException(String call, Reply reply) {
        super(call + " answered " + reply.status() + ": " + reply.detail());
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }

    public int status() {
        return reply.status();
    }
}
