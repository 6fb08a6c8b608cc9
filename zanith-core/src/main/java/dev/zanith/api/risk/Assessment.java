package dev.zanith.api.risk;

import dev.zanith.api.ops.OperationKind;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The risk model's verdict on one operation in its context.
 *
 * @param score   0–100, inside {@code level}'s band
 * @param reasons why, most important first (never empty)
 * @param notes   the context behind the score, for people: "table has ~50,000,000 rows (12 GB)",
 *                "PostgreSQL 15: fast default, no rewrite"
 * @param hint    the safer way to do the same thing, or null when there is none
 */
public record Assessment(OperationKind kind, RiskLevel level, int score, List<ReasonCode> reasons, Facts facts,
                         List<String> notes, @Nullable String hint) {

    public Assessment {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an assessment of " + kind + " needs at least one reason");
        }
        if (!level.contains(score)) {
            throw new IllegalArgumentException(kind + ": score " + score + " is outside the " + level + " band "
                    + level.band());
        }
    }

    /** The reason codes as strings, as audit rows and JSON carry them. */
    public List<String> reasonCodes() {
        return reasons.stream().map(ReasonCode::code).toList();
    }

    /** "HIGH 72". */
    public String pill() {
        return level.name() + " " + score;
    }
}
