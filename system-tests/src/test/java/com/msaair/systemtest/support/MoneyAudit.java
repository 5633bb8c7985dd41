package com.msaair.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The money audit of paid bookings: for each booking of the given customers, what was captured less
 * what was refunded is its price when it is CONFIRMED and nothing otherwise (once any refund owed has
 * been made); no booking is left HELD; every payment belongs to one of their bookings; and no booking
 * anywhere was captured twice (at most one PaymentCaptured per reservation on the topic).
 */
public final class MoneyAudit {

    private MoneyAudit() {}

    public static void assertConsistent(Collection<String> customers) {
        for (String customer : customers) {
            Eventually.await("the money of " + customer + " adds up", Duration.ofSeconds(90), () -> problems(customer), List::isEmpty);
        }
        // The topic read once: captures by reservation (its correlation id), each event id counted once.
        Map<String, Set<String>> captures = new HashMap<>();
        for (Events.Event event : Events.on("payment-events")) {
            if (event.type().equals("PaymentCaptured")) {
                captures.computeIfAbsent(event.correlationId(), r -> new HashSet<>()).add(event.eventId());
            }
        }
        captures.forEach((reservation, ids) -> assertThat(ids).as("reservation " + reservation + " captured at most once").hasSizeLessThanOrEqualTo(1));
    }

    static List<String> problems(String customer) {
        Map<Long, JsonObject> reservations = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonObject list = Http.get(Api.url(Service.RESERVATION, "/api/reservations?size=100&page=" + page), Api.as(customer)).json();
            list.getJsonArray("items").getValuesAs(JsonObject.class).forEach(r -> reservations.put(Api.id(r), r));
            if (page + 1 >= list.getInt("totalPages")) {
                break;
            }
        }
        Map<Long, JsonObject> payments = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonObject list = Http.get(Api.url(Service.PAYMENT, "/api/payments?size=100&page=" + page), Api.as(customer)).json();
            list.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> payments.put(p.getJsonNumber("reservationId").longValue(), p));
            if (page + 1 >= list.getInt("totalPages")) {
                break;
            }
        }
        List<String> problems = new ArrayList<>();
        payments.keySet().stream().filter(r -> !reservations.containsKey(r)).forEach(r -> problems.add("a payment without its booking: " + r));
        reservations.forEach((id, r) -> {
            JsonObject p = payments.get(id);
            long net = p == null ? 0 : amount(p, "captured") - amount(p, "refunded");
            String status = r.getString("status");
            long expected = status.equals("CONFIRMED") ? amount(r, "price") : 0;
            if (status.equals("HELD")) {
                problems.add(id + " still held");
            } else if (net != expected) {
                problems.add(id + " is " + status + " with " + net + " kept of its price (expected " + expected + ")");
            }
        });
        return problems;
    }

    private static long amount(JsonObject resource, String member) {
        return resource.getJsonObject(member).getJsonNumber("amount").longValue();
    }
}
