package com.msaair.schedule.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cabin a flight is sold by: rows 1 to {@code rows}, each with the seat {@code letters} in order
 * (A321: ABCDEF), and aisles between the letters {@code aisles} names ({@code C|D}: between C and D).
 * A flight's seats are the first {@code seatCapacity} of them, row by row: all of them for an aircraft
 * type of the catalogue, all but the end of the last row for the {@link #generic} layout of a bare
 * capacity. Published with the flight, so no other service needs the catalogue.
 */
public record SeatMap(int rows, String letters, List<String> aisles) {

    /** A seat is written with its row in at most three digits (12A). */
    public static final int MAX_ROWS = 999;
    private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,12}");
    private static final Pattern AISLE = Pattern.compile("[A-Z]\\|[A-Z]");
    /** The generic layout: rows of six, an aisle between C and D. */
    static final String GENERIC_PATTERN = "ABC|DEF";

    public SeatMap {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("a seat map has 1 to " + MAX_ROWS + " rows: " + rows);
        }
        if (letters == null || !LETTERS.matcher(letters).matches() || !ascending(letters)) {
            throw new IllegalArgumentException("seat letters are 1 to 12 capital letters in alphabetical order: " + letters);
        }
        aisles = List.copyOf(aisles);
        for (String aisle : aisles) {
            int at = letters.indexOf(aisle.charAt(0));
            if (!AISLE.matcher(aisle).matches() || at < 0 || at + 1 >= letters.length() || letters.charAt(at + 1) != aisle.charAt(2)) {
                throw new IllegalArgumentException("an aisle lies between two neighbouring seat letters (C|D): " + aisle);
            }
        }
        if (aisles.stream().distinct().count() != aisles.size()) {
            throw new IllegalArgumentException("an aisle is named twice: " + aisles);
        }
    }

    /** The generic layout of a flight registered with a bare capacity: rows of six (A-F, aisle C|D), the last row shorter. */
    public static SeatMap generic(int seatCapacity) {
        return ofPattern((seatCapacity + 5) / 6, GENERIC_PATTERN);
    }

    /** A seat map of {@code rows} rows of {@code pattern}: the letters with a {@code |} for each aisle (ABC|DEF). */
    public static SeatMap ofPattern(int rows, String pattern) {
        List<String> aisles = new ArrayList<>();
        for (int at = pattern.indexOf('|'); at >= 0; at = pattern.indexOf('|', at + 1)) {
            if (at == 0 || at == pattern.length() - 1) {
                throw new IllegalArgumentException("an aisle lies between two seat letters: " + pattern);
            }
            aisles.add(pattern.charAt(at - 1) + "|" + pattern.charAt(at + 1));
        }
        return new SeatMap(rows, pattern.replace("|", ""), aisles);
    }

    /** The letters with a {@code |} for each aisle, as stored (ABC|DEF). */
    public String pattern() {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            if (i > 0 && aisles.contains(letters.charAt(i - 1) + "|" + letters.charAt(i))) {
                pattern.append('|');
            }
            pattern.append(letters.charAt(i));
        }
        return pattern.toString();
    }

    /** How many seats the map has: every row full. */
    public int seatCount() {
        return rows * letters.length();
    }

    /** Whether a flight of {@code seatCapacity} seats fits this map with nothing but the end of its last row left over. */
    public boolean holds(int seatCapacity) {
        return seatCapacity <= seatCount() && seatCapacity > seatCount() - letters.length();
    }

    private static boolean ascending(String letters) {
        for (int i = 1; i < letters.length(); i++) {
            if (letters.charAt(i) <= letters.charAt(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
