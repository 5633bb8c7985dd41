package com.msaair.reservation.domain;

import java.util.regex.Pattern;

/** A seat on a flight: its row (from 1) and its letter, written {@code 12A}. Ordered row by row, then by letter. */
public record Seat(int row, char letter) implements Comparable<Seat> {

    /** How a seat is written: a row number without leading zeros, then a capital letter. Nothing else (1a, ０A, 1А) is one. */
    public static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");
    public static final String EXPECTED = "a seat like 12A: a row number from 1, then a capital letter";

    public Seat {
        if (row < 1 || row > SeatLayout.MAX_ROWS || letter < 'A' || letter > 'Z') {
            throw new IllegalArgumentException("no seat has row " + row + " and letter " + letter);
        }
    }

    /** @throws IllegalArgumentException unless {@code text} is written as {@link #FORMAT} says */
    public static Seat parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not " + EXPECTED);
        }
        return new Seat(Integer.parseInt(text.substring(0, text.length() - 1)), text.charAt(text.length() - 1));
    }

    @Override
    public int compareTo(Seat other) {
        return row != other.row ? Integer.compare(row, other.row) : Character.compare(letter, other.letter);
    }

    @Override
    public String toString() {
        return row + String.valueOf(letter);
    }
}
