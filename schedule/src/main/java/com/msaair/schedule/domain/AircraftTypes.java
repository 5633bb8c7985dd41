package com.msaair.schedule.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aircraft types a flight may be registered with, each with its single-class seat map, and
 * {@value #GENERIC}: no particular aircraft, the {@link SeatMap#generic generic layout} of a bare seat
 * capacity (what a flight registered with only {@code seatCapacity} gets, as every flight did before
 * seat maps). A type's seat map is copied onto the flight when it is registered, so a later change of
 * this catalogue never moves a seat already sold.
 */
public final class AircraftTypes {

    public static final String GENERIC = "GENERIC";

    private static final Map<String, SeatMap> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("ATR72", SeatMap.ofPattern(18, "AC|DF"));
        CATALOGUE.put("A220-300", SeatMap.ofPattern(27, "AC|DEF"));
        CATALOGUE.put("A320", SeatMap.ofPattern(29, "ABC|DEF"));
        CATALOGUE.put("A321", SeatMap.ofPattern(30, "ABC|DEF"));
        CATALOGUE.put("B737-800", SeatMap.ofPattern(31, "ABC|DEF"));
        CATALOGUE.put("A330-300", SeatMap.ofPattern(36, "AC|DEFG|HK"));
        CATALOGUE.put("B777-300ER", SeatMap.ofPattern(40, "ABC|DEFG|HJK"));
    }

    private AircraftTypes() {}

    /** Every type a flight may be registered with, GENERIC last. */
    public static List<String> codes() {
        List<String> codes = new ArrayList<>(CATALOGUE.keySet());
        codes.add(GENERIC);
        return codes;
    }

    public static boolean isKnown(String type) {
        return GENERIC.equals(type) || CATALOGUE.containsKey(type);
    }

    /** The seat map of a type of the catalogue; empty for GENERIC (its map follows from the capacity) and for unknown types. */
    public static Optional<SeatMap> seatMapOf(String type) {
        return Optional.ofNullable(CATALOGUE.get(type));
    }

    /** The seat map a flight of {@code type} with {@code seatCapacity} seats is sold by. */
    public static SeatMap seatMapFor(String type, int seatCapacity) {
        return GENERIC.equals(type) ? SeatMap.generic(seatCapacity)
                : seatMapOf(type).orElseThrow(() -> new IllegalArgumentException("no aircraft type " + type));
    }
}
