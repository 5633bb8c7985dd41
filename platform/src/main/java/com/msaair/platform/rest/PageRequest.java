package com.msaair.platform.rest;

import com.msaair.platform.json.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Which slice of a list a client asked for: {@code ?page=0&size=20}. Query parameters arrive as
 * text so that {@code ?page=abc} is a 400 naming {@code page}, not the 404 JAX-RS gives a failed
 * conversion.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** A list read a slice at a time: the items from {@code offset}, {@code limit} at most. */
    @FunctionalInterface
    public interface Slice<T> {
        List<T> read(int offset, int limit);
    }

    /** A list of one owner or filter (a customer's payments, a search's schedules), read a slice at a time. */
    @FunctionalInterface
    public interface SliceOf<K, T> {
        List<T> read(K key, int offset, int limit);
    }

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

    /** This page of a list: its items, then how many the whole list has (for the number of pages). */
    public <T> Page<T> read(Slice<T> items, LongSupplier totalItems) {
        return Page.of(items.read(offset(), size), this, totalItems.getAsLong());
    }

    /** This page of {@code key}'s list, e.g. {@code read(customer, payments::ofCustomer, payments::countOfCustomer)}. */
    public <K, T> Page<T> read(K key, SliceOf<K, T> items, ToLongFunction<K> totalItems) {
        return read((offset, limit) -> items.read(key, offset, limit), () -> totalItems.applyAsLong(key));
    }
}
