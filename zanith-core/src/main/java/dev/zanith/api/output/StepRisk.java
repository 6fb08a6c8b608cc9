package dev.zanith.api.output;

import java.util.List;

/**
 * The risk facts of one step, as the pre-apply check classified them; written into the step's audit row
 * ({@code risk_level}, {@code risk_score}, {@code reasons}).
 *
 * @param level   the level's name as the risk model spells it
 * @param score   0-100
 * @param reasons snake_case reason codes
 */
public record StepRisk(String level, int score, List<String> reasons) {

    public StepRisk {
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("a risk level is required");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
