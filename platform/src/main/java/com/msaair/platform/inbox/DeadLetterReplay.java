package com.msaair.platform.inbox;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.tx.DatabaseFailures;
import com.msaair.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends parked messages back to the consumer that parked them, once an operator has fixed the cause
 * (deployed a consumer that understands them, registered what they refer to). Exactly once in effect:
 * the dead letter's row is locked, and the handler's effect, the message's new outcome in the inbox
 * and the letter's state commit together — a second replay of the same letter, concurrent or later,
 * finds it replayed and does nothing. A letter whose event the consumer has applied some other way
 * in the meantime (its event id is recorded as applied) is closed without applying it again.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** How one replay ended. */
    public enum Outcome {
        APPLIED,
        ALREADY_APPLIED,
        ALREADY_REPLAYED,
        STILL_FAILING,
        NOT_REPLAYABLE,
        NOT_FOUND
    }

    public record Result(long id, Outcome outcome, String detail) {}

    public record Summary(int replayed, Map<Outcome, Integer> outcomes) {}

    /** Thrown when the database is unavailable or busy: nothing happened, try again. */
    public static class TryAgainException extends RuntimeException {
        TryAgainException(Throwable cause) {
            super("the database is unavailable or busy; nothing was replayed: " + cause, cause);
        }
    }

    private static final int MAX_PER_CALL = 1_000;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters letters;

    @Inject
    ProcessedMessages processed;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public Result replay(long id) {
        try {
            return transactions.inNewTransaction(() -> replayLocked(id));
        } catch (RuntimeException | StackOverflowError e) {
            if (DatabaseFailures.isTransient(e)) {
                throw new TryAgainException(e);
            }
            String detail = e instanceof EventRejectedException || e instanceof MalformedEventException
                    ? "rejected again: " + e.getMessage()
                    : "failed again: " + e;
            transactions.runInNewTransaction(() -> letters.findForUpdate(id).ifPresent(l -> l.stillParked(clock.instant(), detail)));
            return new Result(id, Outcome.STILL_FAILING, detail);
        }
    }

    /** Replays every parked letter of one reason, oldest first, up to 1,000 per call. */
    public Summary replayAll(DeadLetter.Reason reason) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int count = 0;
        for (long id : letters.parkedIds(reason, MAX_PER_CALL)) {
            outcomes.merge(replay(id).outcome(), 1, Integer::sum);
            count++;
        }
        return new Summary(count, outcomes);
    }

    private Result replayLocked(long id) {
        DeadLetter letter = letters.findForUpdate(id).orElse(null);
        if (letter == null) {
            return new Result(id, Outcome.NOT_FOUND, "no such dead letter");
        }
        if (letter.state() == DeadLetter.State.REPLAYED) {
            return new Result(id, Outcome.ALREADY_REPLAYED, "replayed before");
        }
        if (letter.text() == null) {
            return new Result(id, Outcome.NOT_REPLAYABLE, "only the facts of this message were kept (it was not UTF-8 or too large)");
        }
        Subscription subscription = inbox.subscriptionOf(letter.channel()).orElse(null);
        if (subscription == null) {
            return new Result(id, Outcome.NOT_REPLAYABLE, "channel " + letter.channel() + " is not consumed by this service now");
        }
        EventEnvelope event = EventEnvelope.fromJson(letter.text());
        String eventId = event.eventId().toString();
        if (processed.outcome(eventId).filter(o -> o == ProcessedMessage.Outcome.APPLIED).isPresent()) {
            letter.replayed(clock.instant(), "already applied");
            return new Result(id, Outcome.ALREADY_APPLIED, "event " + eventId + " was applied before");
        }
        if (subscription.types().of(event.eventType()) == EventTypes.Disposition.IGNORED) {
            // A consumer that now knows the type and has nothing to do for it: done, with no effect.
            processed.markApplied(eventId, letter.channel(), clock.instant());
            letter.replayed(clock.instant(), "ignored: nothing to do");
            return new Result(id, Outcome.APPLIED, "event " + eventId + " is of a type this consumer ignores: nothing to do");
        }
        Inbox.handle(subscription, event);
        processed.markApplied(eventId, letter.channel(), clock.instant());
        letter.replayed(clock.instant(), "applied");
        return new Result(id, Outcome.APPLIED, "event " + eventId + " applied");
    }
}
