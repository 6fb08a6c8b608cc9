package dev.zanith.api.output;

import java.util.Locale;

/** The status of a step row, as stored in {@code _zanith_migration_steps.status}. */
public enum StepStatus {
    PENDING, RUNNING, DONE, FAILED, SKIPPED;

    /** The stored value: {@code pending}, {@code done}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
