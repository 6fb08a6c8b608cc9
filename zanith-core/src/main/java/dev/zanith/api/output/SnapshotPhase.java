package dev.zanith.api.output;

import java.util.Locale;

/** Which side of a migration a schema snapshot shows. */
public enum SnapshotPhase {
    BEFORE, AFTER;

    /** The stored value: {@code before} or {@code after}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotPhase of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
