package com.msaair.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text in both languages: the same keys, patterns that format, and every key the templates and code ask for. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    /** #{key} and #{key(...)} in templates, where the key is literal. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");
    /** A bundle key written in the code: "area.something" passed to text(...), flash(...), Messages.text(...) (not a config property's name). */
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:book|trip|staff|search|seat|seats|board|miles|history|notifications|reason|error|pay)\\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])(?<!\\.url)\"");

    @Test
    void englishAndKoreanHaveTheSameKeys() throws IOException {
        assertThat(load("messages_ko.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAPatternThatFormatsAndHasNoBareApostrophe() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_ko.properties")) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(text).as(bundle + " " + key + ": write ’ (a ' is MessageFormat quoting)").doesNotContain("'");
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6})).as(bundle + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAndTheCodeNameExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        collect(TEMPLATES, TEMPLATE_KEY, named);
        collect(SOURCES, CODE_KEY, named);
        assertThat(named).as("keys named").hasSizeGreaterThan(60);
        List<String> missing = new ArrayList<>(named);
        missing.removeIf(key -> known.contains(key) || known.stream().anyMatch(k -> k.startsWith(key + ".")));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyMadeFromAValueExistsForEachValue() {
        List<String> keys = new ArrayList<>();
        Stream.of("held", "confirmed", "payment_failed", "expired", "cancelled").forEach(s -> keys.add("trip.status." + s));
        Stream.of("pending", "confirmed", "declined", "expired", "cancelled").forEach(s -> keys.add("trip.outcome." + s));
        Stream.of("free", "held", "taken").forEach(s -> keys.add("seat.state." + s));
        Stream.of("pm_card_visa", "pm_card_declined", "pm_card_insufficient_funds", "pm_card_slow")
                .forEach(c -> keys.addAll(List.of("pay.card." + c, "pay.card." + c + ".what")));
        Stream.of("card_declined", "insufficient_funds", "hold_expired", "other").forEach(r -> keys.add("reason." + r));
        Stream.of("registered", "booked", "payment_failed", "hold_expired", "cancelled", "refunded", "miles_added", "miles_removed")
                .forEach(k -> keys.add("history.kind." + k));
        Stream.of("accrual", "reversal").forEach(k -> keys.add("miles.kind." + k));
        Stream.of("pending", "retrying", "sent", "failed").forEach(s -> keys.add("notifications.status." + s));
        Stream.of("scheduled", "cancelled").forEach(s -> keys.add("board.status." + s));
        Stream.of("400", "403", "404", "405", "503", "csrf", "other")
                .forEach(kind -> Stream.of("title", "heading", "text").forEach(part -> keys.add("error." + kind + "." + part)));
        for (Locale language : Messages.LANGUAGES) {
            assertThat(keys).as(language.toString()).allSatisfy(key -> assertThat(Messages.has(language, key)).as(key).isTrue());
        }
    }

    @Test
    void textsAreFilledInTheirLanguage() {
        assertThat(Messages.text(Locale.ENGLISH, "search.seatsLeft", 1)).isEqualTo("1 seat left");
        assertThat(Messages.text(Locale.ENGLISH, "search.seatsLeft", 1200)).isEqualTo("1,200 seats left");
        assertThat(Messages.text(Locale.KOREAN, "search.seatsLeft", 0)).isEqualTo("매진");
        assertThat(Messages.text(Locale.KOREAN, "board.soldOf", "3", "180")).isEqualTo("180석 중 3석 판매");
        assertThat(Messages.text(Locale.ENGLISH, "no.such.key")).as("a missing key shows as itself, never fails a page").isEqualTo("no.such.key");
        assertThat(Messages.text(Locale.JAPANESE, "nav.trips")).as("another language falls back to English").isEqualTo("My trips");
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
