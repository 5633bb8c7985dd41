package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.Reply;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.msaair.web.i18n.Formats;
import com.msaair.web.i18n.Messages;

/** A customer's own miles (balance and ledger), notifications and history timeline. */
@WebServlet(urlPatterns = {"/miles", "/notifications", "/history"})
public class AccountPage extends Page {

    private static final int PAGE_SIZE = 50;

    /** A ledger line: an accrual for a paid booking, or its reversal. */
    public record LedgerEntry(long reservationId, String kind, long miles, long balanceAfter, Instant recordedAt) {
        public String kindKey() {
            return "miles.kind." + kind.toLowerCase(java.util.Locale.ROOT);
        }

        /** "+2,000" or "−2,000" (a reversal's miles are negative). */
        public String change(com.msaair.web.i18n.Formats fmt) {
            return (miles < 0 ? "−" : "+") + fmt.number(Math.abs(miles));
        }
    }

    /** A notification as it was sent: its heading and delivery in the page's language, its text as the notification service wrote it. */
    public record Notice(String heading, String message, String statusText, Instant createdAt) {}

    /** A timeline entry, said in the page's language. */
    public record Moment(String kind, String text, Instant occurredAt) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = model(request);
        String token = viewer.accessToken();
        switch (request.getServletPath()) {
            case "/miles" -> {
                Reply mileage = require(api.mileage(viewer.subject(), 0, PAGE_SIZE, token), "GET /api/customers/{id}/mileage");
                model.put("balance", JsonRead.number(mileage.json(), "balance"));
                JsonObject ledger = JsonRead.object(mileage.json(), "ledger");
                model.put("ledger", ledger == null ? List.of() : JsonRead.objects(ledger, "items").stream()
                        .map(e -> new LedgerEntry(JsonRead.number(e, "reservationId"), JsonRead.string(e, "kind"), JsonRead.number(e, "miles"),
                                JsonRead.number(e, "balanceAfter"), JsonRead.instant(e, "recordedAt")))
                        .toList());
                render(request, response, "miles", model);
            }
            case "/notifications" -> {
                Reply notices = require(api.notifications(0, PAGE_SIZE, token), "GET /api/notifications");
                Locale locale = locale(request);
                model.put("notices", JsonRead.objects(notices.json(), "items").stream().map(n -> notice(locale, n)).toList());
                render(request, response, "notifications", model);
            }
            default -> {
                Reply history = require(api.history(0, PAGE_SIZE, token), "GET /api/history");
                Formats fmt = (Formats) model.get("fmt");
                model.put("moments", JsonRead.objects(history.json(), "items").stream().map(e -> moment(fmt, e)).toList());
                render(request, response, "history", model);
            }
        }
    }

    static Notice notice(Locale locale, JsonObject n) {
        String heading = "notifications.type." + JsonRead.string(n, "eventType");
        String status = JsonRead.string(n, "status");
        return new Notice(Messages.text(locale, Messages.has(locale, heading) ? heading : "notifications.type.other"), JsonRead.string(n, "message"),
                Messages.text(locale, "notifications.status." + (status == null ? "pending" : status.toLowerCase(Locale.ROOT))),
                JsonRead.instant(n, "createdAt"));
    }

    /** A timeline entry in words: {0} reservation, {1} flight, {2} passengers, {3} miles, {4} amount, {5} reason. */
    static Moment moment(Formats fmt, JsonObject e) {
        String kind = JsonRead.string(e, "kind");
        String key = "history.kind." + kind.toLowerCase(Locale.ROOT);
        JsonObject amount = JsonRead.object(e, "amount");
        Locale locale = fmt.locale();
        String text = Messages.has(locale, key)
                ? Messages.text(locale, key, String.valueOf(JsonRead.number(e, "reservationId")), String.valueOf(JsonRead.string(e, "flightNumber")),
                        JsonRead.number(e, "passengers"), fmt.number(Math.abs(JsonRead.number(e, "miles"))),
                        amount == null ? "" : fmt.money(JsonRead.number(amount, "amount"), JsonRead.string(amount, "currency")),
                        Messages.text(locale, Reasons.key(JsonRead.string(e, "reason"))))
                : kind;
        return new Moment(kind, text, JsonRead.instant(e, "occurredAt"));
    }

    private static Reply require(Reply reply, String call) {
        if (!reply.ok()) {
            throw new ApiException(call, reply);
        }
        return reply;
    }
}
