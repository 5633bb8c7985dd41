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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The money audit of paid bookings, from both sides (reservation's bookings, payment's payments) of the
 * given customers, once every refund owed has been made: every amount captured is owed to a booking
 * that exists and was confirmed at that price — the booking's own, in its currency, from its customer —
 * or it is refunded in full. So: a CONFIRMED booking kept exactly its price from its own payment; any
 * other booking kept nothing; a payment for a reservation that is not one of the customer's bookings (a
 * payment made with other terms, disowned) gave back all it took and is not left pending; no booking is
 * left HELD; and no booking anywhere was captured twice (at most one PaymentCaptured per reservation on
 * the topic, leaving out the captures tests forged on purpose, {@link #forged}).
 */
public final class MoneyAudit {

    /** Event ids of PaymentCaptured events a test wrote on the topic itself: no money moved for them. */
    private static final Set<String> FORGED = ConcurrentHashMap.newKeySet();

    private MoneyAudit() {}

    /** A test wrote this capture on payment-events itself (to see it confirm nothing): not one of payment's. */
    public static void forged(String eventId) {
        FORGED.add(eventId);
    }

    public static boolean isForged(String eventId) {
        return FORGED.contains(eventId);
    }

    public static void assertConsistent(Collection<String> customers) {
        for (String customer : customers) {
            Eventually.await("the money of " + customer + " adds up", Duration.ofSeconds(90), () -> problems(customer), List::isEmpty);
        }
        // The topic read once: captures by reservation (its correlation id), each event id counted once.
        Map<String, Set<String>> captures = new HashMap<>();
        for (Events.Event event : Events.on("payment-events")) {
            if (event.type().equals("PaymentCaptured") && !isForged(event.eventId())) {
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
        payments.forEach((reservation, p) -> {
            if (reservations.containsKey(reservation)) {
                return; // judged with its booking, below
            }
            if (p.getString("status").equals("PENDING")) {
                problems.add("a payment without its booking, still pending: " + reservation);
            } else if (amount(p, "captured") != amount(p, "refunded")) {
                problems.add("a payment without its booking kept " + (amount(p, "captured") - amount(p, "refunded")) + " of "
                        + amount(p, "captured") + " captured: " + reservation);
            }
        });
        reservations.forEach((id, r) -> {
            JsonObject p = payments.get(id);
            long net = p == null ? 0 : amount(p, "captured") - amount(p, "refunded");
            String status = r.getString("status");
            if (status.equals("HELD")) {
                problems.add(id + " still held");
            } else if (status.equals("CONFIRMED")) {
                if (p == null) {
                    problems.add(id + " is CONFIRMED without a payment of its customer");
                } else if (!paysItsBooking(p, r) || net != amount(r, "price")) {
                    problems.add(id + " is CONFIRMED at " + money(r, "price") + " of " + r.getString("customerId") + " but its payment captured "
                            + money(p, "captured") + " of " + p.getString("customerId") + " and kept " + net);
                }
            } else if (net != 0) {
                problems.add(id + " is " + status + " with " + net + " kept of its price (expected 0)");
            }
        });
        return problems;
    }

    /** The booking's own payment: its price in its currency, from its customer, and not disowned for other terms. */
    private static boolean paysItsBooking(JsonObject payment, JsonObject booking) {
        return amount(payment, "captured") == amount(booking, "price")
                && payment.getJsonObject("captured").getString("currency").equals(booking.getJsonObject("price").getString("currency"))
                && payment.getString("customerId").equals(booking.getString("customerId"))
                && !payment.containsKey("mismatch");
    }

    private static long amount(JsonObject resource, String member) {
        return resource.getJsonObject(member).getJsonNumber("amount").longValue();
    }

    private static String money(JsonObject resource, String member) {
        return amount(resource, member) + " " + resource.getJsonObject(member).getString("currency");
    }
}
