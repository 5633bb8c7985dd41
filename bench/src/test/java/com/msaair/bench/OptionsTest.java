package com.msaair.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void pairsAreReadAndAbsentOnesTakeTheirDefault() {
        Options options = Options.parse("--mode", "surge", "--rate", "40.5", "--duration", "90");
        assertThat(options.string("mode", "standard")).isEqualTo("surge");
        assertThat(options.rate("rate")).hasValue(40.5);
        assertThat(options.positive("duration", 60)).isEqualTo(90);
        assertThat(options.positive("warmup", 60)).isEqualTo(60);
        assertThat(options.rates("rates")).isEmpty();
    }

    @Test
    void aTypoAMissingValueOrARepeatStopsTheRun() {
        assertThatThrownBy(() -> Options.parse("--concurrency")).hasMessageContaining("--concurrency needs a value");
        assertThatThrownBy(() -> Options.parse("--concurrency", "--duration", "60")).hasMessageContaining("--concurrency needs a value");
        assertThatThrownBy(() -> Options.parse("concurrency", "16")).hasMessageContaining("Expected an option");
        assertThatThrownBy(() -> Options.parse("--rate", "1", "--rate", "2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Options.parse("--concurency", "16").allowOnly(Set.of("concurrency"), "--mode standard"))
                .hasMessageContaining("--concurency is not an option of --mode standard").hasMessageContaining("--concurrency");
    }

    @Test
    void numbersAreCheckedWhereTheyAreRead() {
        assertThatThrownBy(() -> Options.parse("--duration", "0").positive("duration", 60)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Options.parse("--duration", "1m").positive("duration", 60)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse("--rate", "-3").rate("rate")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> Options.parse("--rate", "fast").rate("rate")).hasMessageContaining("bookings per second");
    }

    @Test
    void twoRatesAreLowThenHighAndFarEnoughApart() {
        assertThat(Options.parse("--rates", "10,30").rates("rates")).hasValueSatisfying(r -> assertThat(r).containsExactly(10, 30));
        assertThatThrownBy(() -> Options.parse("--rates", "30").rates("rates")).hasMessageContaining("two rates");
        assertThatThrownBy(() -> Options.parse("--rates", "20,25").rates("rates")).hasMessageContaining("at least 1.5 times");
        assertThatThrownBy(() -> Options.parse("--rates", "30,10").rates("rates")).hasMessageContaining("at least 1.5 times");
    }
}
