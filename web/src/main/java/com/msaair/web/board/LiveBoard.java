package com.msaair.web.board;

import com.msaair.web.api.MsaAir;
import com.msaair.web.api.Reply;
import com.msaair.web.api.ServiceUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The staff's live flight board: one poll of reservation's sales figures a second, however many
 * people watch, and only while someone does; each change (a row that differs from the last poll, a
 * new flight) is pushed to every watcher as a server-sent event, in the watcher's language.
 *
 * <p>The poll is made with a watcher's own access token (the one that stays valid longest): the web
 * server has no standing of its own and sees no more than the staff watching. A watcher's stream ends
 * shortly before their token does; the browser reconnects at once, and that request refreshes the
 * token (or, when the realm's session is over, ends the sign-in).
 */
@ApplicationScoped
public class LiveBoard {

    private static final Logger LOG = Logger.getLogger(LiveBoard.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);
    /** Proxies close a quiet connection (nginx after 30 s by default): a comment line keeps it open. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A stream ends this long before its token expires, so the reconnect still finds a token to refresh. */
    static final Duration TOKEN_MARGIN = Duration.ofSeconds(5);

    /** One watching browser. */
    record Watcher(AsyncContext stream, String token, Instant tokenExpires, Locale locale) {}

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MsaAir api;

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Object polling = new Object();
    private Map<Long, BoardRow> last = Map.of();
    private ScheduledFuture<?> poller;
    private Instant lastHeartbeat = Instant.EPOCH;

    /** Adds a watcher, sends them the board as it stands now, and starts polling if nobody watched. */
    public void watch(AsyncContext stream, String token, Instant tokenExpires, Locale locale) {
        Watcher watcher = new Watcher(stream, token, tokenExpires, locale);
        synchronized (polling) {
            send(watcher, "retry: 1000\n\n");
            last.values().forEach(row -> send(watcher, event("flight", row.toJson(locale))));
            watchers.add(watcher);
            if (poller == null) {
                poller = scheduler.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    public void leave(AsyncContext stream) {
        watchers.removeIf(w -> w.stream() == stream);
    }

    int watching() {
        return watchers.size();
    }

    void poll() {
        synchronized (polling) {
            endExpiringStreams();
            if (watchers.isEmpty()) {
                poller.cancel(false);
                poller = null;
                last = Map.of(); // nobody watched for a while: the next watcher starts from a fresh poll
                return;
            }
            Optional<Watcher> longest = watchers.stream().max(Comparator.comparing(Watcher::tokenExpires));
            Map<Long, BoardRow> now;
            try {
                Reply sales = api.sales(longest.get().token());
                if (sales.status() == 401 || sales.status() == 403) {
                    end(longest.get()); // not (or no longer) staff: their stream ends, the browser says so
                    return;
                }
                if (!sales.ok()) {
                    LOG.warning(() -> "The flight board's poll was answered " + sales.status() + ": " + sales.detail());
                    return;
                }
                now = rows(sales.json());
            } catch (ServiceUnavailableException e) {
                LOG.warning(e.getMessage());
                return;
            }
            List<BoardRow> changed = changes(last, now);
            last = now;
            boolean heartbeat = changed.isEmpty() && Instant.now().isAfter(lastHeartbeat.plus(HEARTBEAT));
            for (Watcher watcher : watchers) {
                if (heartbeat) {
                    send(watcher, ": still here\n\n");
                }
                for (BoardRow row : changed) {
                    send(watcher, event("flight", row.toJson(watcher.locale())));
                }
            }
            if (heartbeat || !changed.isEmpty()) {
                lastHeartbeat = Instant.now();
            }
        }
    }

    /** The rows that are new or differ from the last poll, in the board's order. */
    static List<BoardRow> changes(Map<Long, BoardRow> before, Map<Long, BoardRow> now) {
        List<BoardRow> changed = new ArrayList<>();
        now.forEach((id, row) -> {
            if (!row.equals(before.get(id))) {
                changed.add(row);
            }
        });
        return changed;
    }

    static Map<Long, BoardRow> rows(JsonObject sales) {
        Map<Long, BoardRow> rows = new LinkedHashMap<>();
        for (JsonObject flight : sales.getJsonArray("flights").getValuesAs(JsonObject.class)) {
            BoardRow row = BoardRow.of(flight);
            rows.put(row.scheduleId(), row);
        }
        return rows;
    }

    static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private void endExpiringStreams() {
        Instant soon = Instant.now().plus(TOKEN_MARGIN);
        for (Watcher watcher : watchers) {
            if (watcher.tokenExpires().isBefore(soon)) {
                send(watcher, "event: renew\ndata: {}\n\n"); // planned: the page need not say the connection was lost
                end(watcher);
            }
        }
    }

    private void end(Watcher watcher) {
        watchers.remove(watcher);
        try {
            watcher.stream().complete();
        } catch (IllegalStateException e) {
            // completed already (the browser left)
        }
    }

    private void send(Watcher watcher, String text) {
        try {
            PrintWriter writer = watcher.stream().getResponse().getWriter();
            writer.write(text);
            writer.flush();
            if (writer.checkError()) {
                throw new IOException("the browser went away");
            }
        } catch (IOException | IllegalStateException e) {
            end(watcher);
        }
    }

    @PreDestroy
    void stop() {
        synchronized (polling) {
            if (poller != null) {
                poller.cancel(false);
            }
            watchers.forEach(this::end);
        }
    }
}
