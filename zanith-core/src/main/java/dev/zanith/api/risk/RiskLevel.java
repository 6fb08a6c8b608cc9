package dev.zanith.api.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The six risk levels, each owning a published band of the 0–100 score scale. Bands do not overlap, so a
 * score always names its level. {@link #UNKNOWN} (hand-written SQL the model cannot reason about) sits above
 * {@link #MEDIUM} on purpose: a budget that admits only understood, moderate changes refuses unreviewed SQL.
 */
public enum RiskLevel {
    SAFE(0, 9, "metadata only or brand-new objects: nothing waits, nothing breaks"),
    LOW(10, 29, "brief locks or online builds; clients keep working"),
    MEDIUM(30, 49, "blocks writes or scans while it runs, or can break some clients; size matters"),
    UNKNOWN(50, 59, "hand-written SQL the planner cannot reason about: review by hand"),
    HIGH(60, 79, "blocks reads or rewrites the table, fails on existing data, or breaks running clients"),
    DESTRUCTIVE(80, 100, "can lose data: needs --allow-destructive");

    private final int min;
    private final int max;
    private final String meaning;

    RiskLevel(int min, int max, String meaning) {
        this.min = min;
        this.max = max;
        this.meaning = meaning;
    }

    /** Lowest score in the band. */
    public int min() {
        return min;
    }

    /** Highest score in the band. */
    public int max() {
        return max;
    }

    public String meaning() {
        return meaning;
    }

    /** The lower-case id used in JSON, audit rows and docs: {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "60–79". */
    public String band() {
        return min + "–" + max;
    }

    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** The level whose band holds {@code score} (0–100). */
    public static RiskLevel of(int score) {
        return Arrays.stream(values()).filter(l -> l.contains(score)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("risk score " + score + " is outside 0–100"));
    }

    public static Optional<RiskLevel> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
