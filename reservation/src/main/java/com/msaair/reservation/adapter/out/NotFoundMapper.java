package com.msaair.reservation.adapter.out;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A 404 from another service is an answer ("no such thing"), not a failure: it must not be retried,
 * trip a circuit breaker or fall back. It becomes a {@link NotFound} the caller turns into a domain refusal.
 */
public class NotFoundMapper implements ResponseExceptionMapper<NotFoundMapper.NotFound> {

    /** The remote service answered 404. */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super("not found", null, false, false);
        }
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status == 404;
    }

    @Override
    public NotFound toThrowable(Response response) {
        return new NotFound();
    }
}
