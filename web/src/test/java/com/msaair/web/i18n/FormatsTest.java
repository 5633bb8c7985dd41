package com.msaair.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moneyArrivesInMinorUnitsAndShowsInTheCurrencysOwnUnits() {
        Formats en = new Formats(Locale.ENGLISH);
        assertThat(en.money(125_000, "KRW")).as("the won has no minor unit").isEqualTo("₩125,000");
        assertThat(en.money(12_550, "USD")).isEqualTo("$125.50");
        assertThat(en.money(0, "KRW")).isEqualTo("₩0");
        assertThat(new Formats(Locale.KOREAN).money(250_000, "KRW")).isEqualTo("₩250,000");
    }

    @Test
    void timesAreUtcAndSaySo() {
        Instant departure = Instant.parse("2027-03-01T09:00:00Z");
        assertThat(new Formats(Locale.ENGLISH).dateTime(departure)).startsWith("Mar 1, 2027").contains("9:00").endsWith("UTC");
        assertThat(new Formats(Locale.KOREAN).dateTime(departure)).startsWith("2027. 3. 1.").endsWith("UTC");
        assertThat(new Formats(Locale.ENGLISH).dateTime(null)).isEmpty();
    }
}
