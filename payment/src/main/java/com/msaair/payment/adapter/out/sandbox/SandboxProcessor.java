package com.msaair.payment.adapter.out.sandbox;

import com.msaair.payment.domain.CardProcessor;
import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.ProcessorUnavailableException;
import com.msaair.platform.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A card processor's test mode, inside the service. Its payment methods:
 * <ul>
 *   <li>{@code pm_card_visa}: approved;</li>
 *   <li>{@code pm_card_declined}: declined, {@code card_declined};</li>
 *   <li>{@code pm_card_insufficient_funds}: declined, {@code insufficient_funds};</li>
 *   <li>{@code pm_card_slow}: approved after 5 s ({@code msaair.sandbox.slow-ms});</li>
 *   <li>{@code pm_card_error}: a processor error, every time (no answer: nothing is kept);</li>
 *   <li>any other token: declined, {@code unknown_payment_method}.</li>
 * </ul>
 * An idempotency key answers what it answered first, and a charge or refund is made once per key.
 */
@ApplicationScoped
public class SandboxProcessor implements CardProcessor {

    public static final String VISA = "pm_card_visa";
    public static final String DECLINED = "pm_card_declined";
    public static final String INSUFFICIENT_FUNDS = "pm_card_insufficient_funds";
    public static final String SLOW = "pm_card_slow";
    public static final String ERROR = "pm_card_error";

    @Inject
    SandboxOperations operations;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "msaair.sandbox.slow-ms", defaultValue = "5000")
    long slowMs;

    /**
     * What the card's test method says, then kept under {@code key} unless the key answered before (then
     * that answer, as it was). The slow card takes its time before that, outside any transaction; a
     * processor error keeps nothing. The key's terms are fixed by its payment, so a key asked again
     * comes with the same method.
     */
    @Override
    public ChargeOutcome charge(String key, Money amount, String paymentMethod) {
        String declineReason = switch (paymentMethod) {
            case VISA -> null;
            case SLOW -> {
                pause();
                yield null;
            }
            case DECLINED -> "card_declined";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            case ERROR -> throw new ProcessorUnavailableException("processor_error");
            default -> ChargeOutcome.Declined.UNKNOWN_PAYMENT_METHOD;
        };
        return outcome(keep(new SandboxOperation(key, SandboxOperation.CHARGE, declineReason, "ch_" + UUID.randomUUID(),
                amount.amount(), amount.currency(), clock.instant())));
    }

    @Override
    public Optional<ChargeOutcome> chargeMade(String key) {
        return operations.find(key).map(SandboxProcessor::outcome);
    }

    @Override
    public void refund(String key, String chargeReference, Money amount) {
        keep(new SandboxOperation(key, SandboxOperation.REFUND, null, "re_" + UUID.randomUUID(), amount.amount(), amount.currency(),
                clock.instant()));
    }

    private SandboxOperation keep(SandboxOperation operation) {
        try {
            return operations.keepFirst(operation);
        } catch (RuntimeException e) {
            // The same key at the same moment (a retry racing the background): the first one kept is the answer.
            return operations.find(operation.key).orElseThrow(() -> new ProcessorUnavailableException("the sandbox could not keep " + operation.key));
        }
    }

    private static ChargeOutcome outcome(SandboxOperation operation) {
        return operation.declineReason == null
                ? new ChargeOutcome.Approved(operation.reference)
                : new ChargeOutcome.Declined(operation.declineReason);
    }

    private void pause() {
        try {
            Thread.sleep(slowMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessorUnavailableException("interrupted while waiting for the slow test card");
        }
    }
}
