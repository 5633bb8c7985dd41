package com.msaair.platform.rest;

import com.msaair.platform.json.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Which slice of a list a client asked for: {@code ?page=0&size=20}. Query parameters arrive as
 * text so that {@code ?page=abc} is a 400 naming {@code page}, not the 404 JAX-RS gives a failed
 * conversion.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = RequestParams.intParam("page", page, 0, 0, 1_000_000, errors);
        int s = RequestParams.intParam("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
