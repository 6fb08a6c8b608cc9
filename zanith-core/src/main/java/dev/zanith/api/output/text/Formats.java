package dev.zanith.api.output.text;

import java.time.Duration;
import java.util.Locale;

/** Number, size and duration formatting for people. */
public final class Formats {

    private Formats() {
    }

    /** {@code 12,345} (the root locale's grouping, whatever the machine's locale). */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1 step}, {@code 2 steps}: the noun gets an {@code s} unless the value is 1. */
    public static String plural(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }

    /** A duration given in milliseconds: {@code 840 ms}, {@code 2.5 s}, {@code 3 min 4 s}. */
    public static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        Duration d = Duration.ofMillis(ms);
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
