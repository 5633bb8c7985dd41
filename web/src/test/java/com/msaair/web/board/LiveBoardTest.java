package com.msaair.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBoardTest {

    private static JsonObject sale(long id, int sold, int held, long revenue) {
        return Json.createObjectBuilder().add("scheduleId", id).add("flightNumber", "KE" + id).add("origin", "ICN").add("destination", "CJU")
                .add("departureTime", "2027-03-01T09:00:00Z").add("status", "SCHEDULED").add("seatCapacity", 180).add("seatsSold", sold)
                .add("seatsHeld", held).add("loadFactorPercent", sold * 100 / 180)
                .add("revenue", Json.createObjectBuilder().add("amount", revenue).add("currency", "KRW")).build();
    }

    private static Map<Long, BoardRow> board(JsonObject... sales) {
        return LiveBoard.rows(Json.createObjectBuilder().add("flights", Json.createArrayBuilder(List.of(sales))).build());
    }

    @Test
    void onlyNewFlightsAndFlightsWhoseFiguresMovedArePushed() {
        Map<Long, BoardRow> before = board(sale(1, 0, 0, 0), sale(2, 10, 1, 1_250_000));
        Map<Long, BoardRow> after = board(sale(1, 3, 0, 375_000), sale(2, 10, 1, 1_250_000), sale(3, 0, 0, 0));
        assertThat(LiveBoard.changes(before, after)).extracting(BoardRow::scheduleId).containsExactly(1L, 3L);
        assertThat(LiveBoard.changes(after, after)).as("nothing moved, nothing sent").isEmpty();
    }

    @Test
    void anEventSaysEveryFigureInTheWatchersLanguage() {
        BoardRow row = board(sale(7, 3, 2, 375_000)).get(7L);
        JsonObject english = row.toJson(Locale.ENGLISH);
        assertThat(english.getString("soldText")).isEqualTo("3 of 180 seats sold");
        assertThat(english.getString("load")).isEqualTo("1%");
        assertThat(english.getString("revenue")).isEqualTo("₩375,000");
        assertThat(english.getString("held")).isEqualTo("2");
        assertThat(english.getString("statusText")).isEqualTo("Scheduled");
        assertThat(row.toJson(Locale.KOREAN).getString("soldText")).isEqualTo("180석 중 3석 판매");
        assertThat(LiveBoard.event("flight", english)).startsWith("event: flight\ndata: {").endsWith("}\n\n").doesNotContain("\n\n\n");
    }
}
