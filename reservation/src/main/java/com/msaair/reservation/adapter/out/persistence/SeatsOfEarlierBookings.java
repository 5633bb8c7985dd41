package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * The migration that gives seats to the bookings made before seats existed (release 1.2, changeset
 * {@code 1.2-seats-of-earlier-bookings}): on each flight, in the order they were made (by id), each
 * booking still holding seats (HELD or CONFIRMED) takes the next free seats of the flight's generic
 * layout, row by row — the first booking 1A, 1B, 1C, the next from 1D on. Deterministic, once, in the
 * changeset's transaction; the seats go into {@code FLIGHT_SEAT}, so a booking made afterwards never
 * gets one of them, and onto the booking itself. The flight's count of free seats is set to what
 * is left, which it already was wherever the count and the bookings agreed. Bookings that had ended
 * (released, cancelled) get none: they hold none.
 */
public class SeatsOfEarlierBookings implements CustomTaskChange {

    private static final Logger LOG = Logger.getLogger(SeatsOfEarlierBookings.class.getName());

    private record FlightRow(long scheduleId, SeatLayout layout, int seatsAvailable) {}

    private int seated;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            for (FlightRow flight : flights(connection)) {
                seatBookingsOf(connection, flight);
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Could not give seats to the earlier bookings: " + e.getMessage(), e);
        }
    }

    private static List<FlightRow> flights(Connection connection) throws SQLException {
        List<FlightRow> flights = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT SCHEDULE_ID, SEAT_ROWS, SEAT_PATTERN, SEAT_CAPACITY, SEATS_AVAILABLE FROM FLIGHT ORDER BY SCHEDULE_ID");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                flights.add(new FlightRow(rows.getLong(1), new SeatLayout(rows.getInt(2), rows.getString(3), rows.getInt(4)), rows.getInt(5)));
            }
        }
        return flights;
    }

    private void seatBookingsOf(Connection connection, FlightRow flight) throws SQLException {
        List<Seat> seats = flight.layout().seats();
        int next = 0;
        try (PreparedStatement bookings = connection.prepareStatement(
                        "SELECT ID, PASSENGERS FROM RESERVATION WHERE SCHEDULE_ID = ? AND STATUS IN ('HELD', 'CONFIRMED') ORDER BY ID");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO FLIGHT_SEAT (SCHEDULE_ID, SEAT, RESERVATION_ID) VALUES (?, ?, ?)");
                PreparedStatement update = connection.prepareStatement("UPDATE RESERVATION SET SEATS = ? WHERE ID = ?")) {
            bookings.setLong(1, flight.scheduleId());
            try (ResultSet rows = bookings.executeQuery()) {
                while (rows.next()) {
                    long reservation = rows.getLong(1);
                    int passengers = rows.getInt(2);
                    if (next + passengers > seats.size()) {
                        // Only if the count had already gone wrong: the booking is kept, unseated, for an operator.
                        LOG.warning("Flight " + flight.scheduleId() + " has no seats left for reservation " + reservation + " (" + passengers + ")");
                        continue;
                    }
                    List<String> taken = new ArrayList<>();
                    for (Seat seat : seats.subList(next, next + passengers)) {
                        insert.setLong(1, flight.scheduleId());
                        insert.setString(2, seat.toString());
                        insert.setLong(3, reservation);
                        insert.addBatch();
                        taken.add(seat.toString());
                    }
                    next += passengers;
                    update.setString(1, String.join(" ", taken));
                    update.setLong(2, reservation);
                    update.addBatch();
                    seated++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        int free = seats.size() - next;
        if (free != flight.seatsAvailable()) {
            LOG.warning("Flight " + flight.scheduleId() + " counted " + flight.seatsAvailable() + " free seats; its bookings leave " + free);
            try (PreparedStatement count = connection.prepareStatement("UPDATE FLIGHT SET SEATS_AVAILABLE = ? WHERE SCHEDULE_ID = ?")) {
                count.setInt(1, free);
                count.setLong(2, flight.scheduleId());
                count.executeUpdate();
            }
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Seats given to " + seated + " earlier booking(s)";
    }

    @Override
    public void setUp() {
        // nothing to set up
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
