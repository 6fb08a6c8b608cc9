package dev.zanith.api.output.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them, in the CLI's options and the Maven plugin's parameters alike:
 * {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h}, {@code 30d}, {@code 0}, or ISO {@code PT2S} / {@code P30D}.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?");

    private Durations() {
    }

    /**
     * The duration {@code value} names.
     *
     * @throws IllegalArgumentException when it is not a duration, or a number other than 0 without a unit; the
     *                                  message says what to write instead
     */
    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? (amount == 0 ? "s" : "") : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("'" + value
                        + "' needs a unit: e.g. 500ms, 2s, 10m, 1h, 30d");
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration: use e.g. 500ms, 2s, 10m, 1h, 30d");
        }
    }
}
