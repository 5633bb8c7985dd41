package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/** What a consumer declares is what it is subscribed with; a handler that declares nothing is refused at startup. */
class EventConsumersTest {

    @EventConsumer(channel = "orders", handles = {"Booked", "Cancelled"}, ignores = "Browsed")
    static class Declared implements EventHandler {
        @Override
        public void handle(EventEnvelope event) {}
    }

    static class Undeclared implements EventHandler {
        @Override
        public void handle(EventEnvelope event) {}
    }

    @Test
    void theDeclarationIsTheSubscription() {
        assertThat(EventConsumers.channelOf(Declared.class)).isEqualTo("orders");
        EventTypes types = EventTypes.declaredBy(Declared.class);
        assertThat(types.of("Booked")).isEqualTo(EventTypes.Disposition.HANDLED);
        assertThat(types.of("Cancelled")).isEqualTo(EventTypes.Disposition.HANDLED);
        assertThat(types.of("Browsed")).isEqualTo(EventTypes.Disposition.IGNORED);
        assertThat(types.of("Refunded")).isEqualTo(EventTypes.Disposition.UNKNOWN);
    }

    @Test
    void aHandlerWithoutADeclarationIsAMistake() {
        assertThatThrownBy(() -> EventConsumers.channelOf(Undeclared.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Undeclared").hasMessageContaining("@EventConsumer");
    }
}
