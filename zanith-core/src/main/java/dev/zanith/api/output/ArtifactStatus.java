package dev.zanith.api.output;

import java.util.Locale;

/**
 * Where an artifact stands; {@link #value()} is the value of the {@code status} column. Restores and purges run
 * in one transaction each, so {@code restoring} and {@code purging} are never seen committed by Zanith itself;
 * purge deletes the row, so {@code purged} is not stored either (the values stay allowed by the table's CHECK).
 */
public enum ArtifactStatus {
    LIVE, RESTORING, RESTORED, PURGING, PURGED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArtifactStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
