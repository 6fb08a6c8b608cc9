package dev.zanith.api.output;

import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.risk.RiskLevel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The risk profile of planned steps, defined once for a whole {@link Plan} and for each {@link MigrationPlan}: the
 * worst and the total score (0-100 per step) of the steps apply will still run.
 */
public interface RiskProfile {

    /** Steps apply will still run (an interrupted apply's done steps excluded), in order. */
    List<PlannedStep> toRun();

    /** The highest-scoring step to run (the first of equals); empty when nothing is to run. */
    default Optional<PlannedStep> worstStep() {
        return toRun().stream().max(Comparator.comparingInt(s -> s.assessment().score()));
    }

    /** The worst step's score; 0 when nothing is to run. */
    default int worstScore() {
        return worstStep().map(s -> s.assessment().score()).orElse(0);
    }

    /** The worst step's level; {@link RiskLevel#SAFE} when nothing is to run. */
    default RiskLevel worstLevel() {
        return worstStep().map(s -> s.assessment().level()).orElse(RiskLevel.SAFE);
    }

    /** The sum of the scores of the steps to run. */
    default int totalScore() {
        return toRun().stream().mapToInt(s -> s.assessment().score()).sum();
    }
}
