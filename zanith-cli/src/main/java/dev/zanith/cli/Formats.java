package dev.zanith.cli;

import java.time.Duration;
import java.util.Locale;

/** Number, size and duration formatting for people. */
final class Formats {

    private Formats() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String plural(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }

    static String millis(long ms) {
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
