package com.msaair.payment.application;

import com.msaair.payment.domain.CardProcessor;
import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.ProcessorUnavailableException;
import com.msaair.platform.domain.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A card processor keeping each answer by idempotency key, as a real one does: a key asked again answers the same and moves money once. */
final class InMemoryCardProcessor implements CardProcessor {

    /** The charge keys asked, in order, a repeated key each time. */
    final List<String> asked = new ArrayList<>();
    final Map<String, ChargeOutcome> charges = new LinkedHashMap<>();
    /** Each refund made, by its key: the charge it gives back and the amount ("ch_1 250000 KRW"). */
    final Map<String, String> refunds = new LinkedHashMap<>();
    /** What a new charge by this payment method is answered; throws {@link ProcessorUnavailableException} for no answer (nothing kept). */
    Function<String, ChargeOutcome> answer = method -> new ChargeOutcome.Approved("ch_1");
    /** The charge is made, but its answer never reaches the service (a timeout after the processor charged). */
    boolean answerLost;
    /** Run while a charge is under way, before its answer: what else happens meanwhile. */
    Runnable whileCharging = () -> {};

    @Override
    public ChargeOutcome charge(String key, Money amount, String paymentMethod) {
        asked.add(key);
        whileCharging.run();
        ChargeOutcome outcome = charges.computeIfAbsent(key, k -> answer.apply(paymentMethod));
        if (answerLost) {
            throw new ProcessorUnavailableException("read timed out");
        }
        return outcome;
    }

    @Override
    public Optional<ChargeOutcome> chargeMade(String key) {
        return Optional.ofNullable(charges.get(key));
    }

    @Override
    public void refund(String key, String chargeReference, Money amount) {
        refunds.putIfAbsent(key, chargeReference + " " + amount.amount() + " " + amount.currency());
    }
}
