package com.msaair.web.pages;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flight's seat map as the page draws it: rows of seats with an aisle where the layout has one, each
 * seat free, held (someone is paying for it) or taken — never whose. {@code seats} is empty when the
 * reservation service keeps counts only (then the page offers "choose for me" alone).
 */
public record SeatMap(String aircraftType, List<Row> rows, String letters, int free, int held, int taken, int seatsLeft) {

    public enum State { FREE, HELD, TAKEN }

    /** One cell of a row: a seat, or the aisle. */
    public record Cell(String seat, String letter, State state, boolean selected) {
        public boolean aisle() {
            return seat == null;
        }

        public boolean free() {
            return state == State.FREE;
        }

        /** The state's bundle key: seat.state.free, ... */
        public String stateKey() {
            return "seat.state." + state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Row(int number, List<Cell> cells) {}

    public boolean hasSeats() {
        return !rows.isEmpty();
    }

    /** The letters with the aisles, for the column headings ("" where the aisle is). */
    public List<String> columns() {
        return rows.isEmpty() ? List.of() : rows.get(0).cells().stream().map(c -> c.aisle() ? "" : c.letter()).toList();
    }

    /** From the reservation service's {@code /api/flights/{id}/seats}, with {@code selected} ticked where still free. */
    static SeatMap of(JsonObject answer, Collection<String> selected) {
        List<JsonObject> seats = JsonRead.objects(answer, "seats");
        String letters = JsonRead.string(answer, "letters");
        int rowCount = (int) JsonRead.number(answer, "rows");
        if (seats.isEmpty() || letters == null || rowCount == 0) {
            int left = (int) JsonRead.number(answer, "seatsAvailable");
            return new SeatMap(JsonRead.string(answer, "aircraftType"), List.of(), "", left, 0, 0, left);
        }
        Map<String, State> states = new HashMap<>();
        for (JsonObject seat : seats) {
            states.put(JsonRead.string(seat, "seat"), State.valueOf(JsonRead.string(seat, "state")));
        }
        Set<String> aisleAfter = new HashSet<>();
        for (String aisle : JsonRead.strings(answer, "aisles")) {
            aisleAfter.add(aisle.substring(0, aisle.indexOf('|')));
        }
        List<Row> rows = new ArrayList<>();
        for (int row = 1; row <= rowCount; row++) {
            List<Cell> cells = new ArrayList<>();
            for (char l : letters.toCharArray()) {
                String letter = String.valueOf(l);
                String seat = row + letter;
                State state = states.get(seat);
                if (state != null) {
                    cells.add(new Cell(seat, letter, state, state == State.FREE && selected.contains(seat)));
                } else {
                    cells.add(new Cell(seat, letter, State.TAKEN, false)); // not in the map: not for sale
                }
                if (aisleAfter.contains(letter)) {
                    cells.add(new Cell(null, null, null, false));
                }
            }
            rows.add(new Row(row, cells));
        }
        int free = (int) JsonRead.number(answer, "free");
        return new SeatMap(JsonRead.string(answer, "aircraftType"), rows, letters, free, (int) JsonRead.number(answer, "held"),
                (int) JsonRead.number(answer, "taken"), free);
    }
}
