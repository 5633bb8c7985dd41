package com.msaair.reservation.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A flight's seats as the schedule service registered them: {@code rows} rows of the seat letters in
 * {@code pattern}, where a {@code |} marks an aisle (ABC|DEF: an aisle between C and D), and the seats
 * are the first {@code capacity} of them, row by row — every one for an aircraft type, all but the end
 * of the last row for the generic layout of a bare capacity. The rules for finding seats live here:
 * which seats exist, and which seats a party gets when it names none.
 */
public record SeatLayout(int rows, String pattern, int capacity) {

    public static final int MAX_ROWS = 999;
    /** The layout of a flight registered with a bare capacity (and of every flight before seat maps). */
    public static final String GENERIC_PATTERN = "ABC|DEF";
    private static final Pattern PATTERN = Pattern.compile("[A-Z]+(\\|[A-Z]+)*");

    public SeatLayout {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("a flight has 1 to " + MAX_ROWS + " rows: " + rows);
        }
        String letters = pattern == null ? "" : pattern.replace("|", "");
        if (!PATTERN.matcher(pattern == null ? "" : pattern).matches() || letters.length() > 12 || !ascending(letters)) {
            throw new IllegalArgumentException("a row is 1 to 12 capital letters in order, a | for each aisle: " + pattern);
        }
        if (capacity > rows * letters.length() || capacity <= (rows - 1) * letters.length()) {
            throw new IllegalArgumentException(capacity + " seats do not end in the last of " + rows + " rows of " + letters.length());
        }
    }

    /** Rows of six (A-F, an aisle between C and D) for {@code capacity} seats, the last row shorter. */
    public static SeatLayout generic(int capacity) {
        return new SeatLayout((capacity + 5) / 6, GENERIC_PATTERN, capacity);
    }

    /** The layout of {@code rows} rows of {@code letters} with {@code aisles} (each {@code C|D}: between C and D). */
    public static SeatLayout of(int rows, String letters, Collection<String> aisles, int capacity) {
        if (letters == null) {
            throw new IllegalArgumentException("a row has seat letters");
        }
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            if (i > 0 && aisles.contains(letters.charAt(i - 1) + "|" + letters.charAt(i))) {
                pattern.append('|');
            }
            pattern.append(letters.charAt(i));
        }
        SeatLayout layout = new SeatLayout(rows, pattern.toString(), capacity);
        if (layout.aisles().size() != aisles.size()) {
            throw new IllegalArgumentException("an aisle lies between two neighbouring seat letters (C|D): " + aisles);
        }
        return layout;
    }

    /** The seat letters of a row, in order (ABCDEF). */
    public String letters() {
        return pattern.replace("|", "");
    }

    /** The aisles, each as the letters either side of it ({@code C|D}). */
    public List<String> aisles() {
        List<String> aisles = new ArrayList<>();
        for (int at = pattern.indexOf('|'); at >= 0; at = pattern.indexOf('|', at + 1)) {
            aisles.add(pattern.charAt(at - 1) + "|" + pattern.charAt(at + 1));
        }
        return aisles;
    }

    /** Whether the flight has this seat. */
    public boolean contains(Seat seat) {
        return seat.row() <= rows && letters().indexOf(seat.letter()) >= 0 && index(seat) < capacity;
    }

    /** Every seat of the flight, row by row. */
    public List<Seat> seats() {
        List<Seat> seats = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            seats.add(seat(i));
        }
        return seats;
    }

    /**
     * The seats a party of {@code passengers} gets when it names none, seats next to each other where
     * possible: next to each other means in one row with no aisle between. Of the free runs that fit
     * the party, the shortest is taken (the earliest of equals), so a lone free seat goes to a lone
     * passenger and longer runs stay whole for groups. A party no run fits sits in one row with the
     * aisle between as few seats as possible, and only when no row has room for it, wherever seats
     * are free, in order. Empty when fewer seats are free than passengers.
     */
    public Optional<List<Seat>> allocate(int passengers, Collection<Seat> occupied) {
        int width = letters().length();
        BitSet free = new BitSet(capacity);
        free.set(0, capacity);
        occupied.stream().filter(this::contains).forEach(seat -> free.clear(index(seat)));
        if (free.cardinality() < passengers) {
            return Optional.empty();
        }
        // 1. A run of free seats between aisles: the shortest that fits the party.
        int bestStart = -1;
        int bestLength = Integer.MAX_VALUE;
        for (int row = 0; row < rows; row++) {
            int position = 0;
            for (String section : pattern.split("\\|")) {
                int runStart = -1;
                for (int i = 0; i <= section.length(); i++) {
                    int index = row * width + position + i;
                    boolean isFree = i < section.length() && index < capacity && free.get(index);
                    if (isFree && runStart < 0) {
                        runStart = index;
                    } else if (!isFree && runStart >= 0) {
                        int length = index - runStart;
                        if (length >= passengers && length < bestLength) {
                            bestStart = runStart;
                            bestLength = length;
                        }
                        runStart = -1;
                    }
                }
                position += section.length();
            }
        }
        if (bestStart >= 0) {
            return Optional.of(range(bestStart, passengers));
        }
        // 2. One row, across an aisle: the free seats of a row spanning the fewest places.
        List<Seat> bestRow = null;
        int bestSpan = Integer.MAX_VALUE;
        for (int row = 0; row < rows; row++) {
            List<Integer> inRow = new ArrayList<>();
            for (int i = row * width; i < Math.min(capacity, (row + 1) * width); i++) {
                if (free.get(i)) {
                    inRow.add(i);
                }
            }
            for (int first = 0; first + passengers <= inRow.size(); first++) {
                int span = inRow.get(first + passengers - 1) - inRow.get(first);
                if (span < bestSpan) {
                    bestSpan = span;
                    bestRow = inRow.subList(first, first + passengers).stream().map(this::seat).toList();
                }
            }
        }
        if (bestRow != null) {
            return Optional.of(bestRow);
        }
        // 3. Wherever seats are free, in order.
        List<Seat> anywhere = new ArrayList<>();
        for (int i = free.nextSetBit(0); anywhere.size() < passengers; i = free.nextSetBit(i + 1)) {
            anywhere.add(seat(i));
        }
        return Optional.of(anywhere);
    }

    /** The seat's place in row-by-row order, from 0 (for a seat of this layout). */
    int index(Seat seat) {
        String letters = letters();
        return (seat.row() - 1) * letters.length() + letters.indexOf(seat.letter());
    }

    Seat seat(int index) {
        String letters = letters();
        return new Seat(index / letters.length() + 1, letters.charAt(index % letters.length()));
    }

    private List<Seat> range(int start, int count) {
        List<Seat> seats = new ArrayList<>(count);
        for (int i = start; i < start + count; i++) {
            seats.add(seat(i));
        }
        return seats;
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
