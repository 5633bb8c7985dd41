package com.msaair.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Money PRICE = new Money(250_001, "KRW");

    @Test
    void aPercentageIsRoundedDownToAWholeMinorUnit() {
        assertThat(PRICE.percent(100)).isEqualTo(PRICE);
        assertThat(PRICE.percent(80)).isEqualTo(new Money(200_000, "KRW"));
        assertThat(PRICE.percent(0)).isEqualTo(new Money(0, "KRW"));
        assertThatThrownBy(() -> PRICE.percent(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverAnOverflowedPriceNorANegativeAmount() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, "KRW").times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(-1, "KRW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "krw")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPriceIsTheFareTimesThePassengersInTheSameCurrency() {
        assertThat(new Money(125_000, "KRW").times(3)).isEqualTo(new Money(375_000, "KRW"));
        assertThat(new Money(1250, "USD").times(0)).isEqualTo(new Money(0, "USD"));
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "KRWX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PRICE.times(-1)).as("never a negative price").isInstanceOf(IllegalArgumentException.class);
    }
}
