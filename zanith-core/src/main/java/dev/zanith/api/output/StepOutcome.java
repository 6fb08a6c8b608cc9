package dev.zanith.api.output;

import dev.zanith.api.output.StepStatus;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one step in this run.
 *
 * @param risk null when the pre-apply check supplied none
 */
public record StepOutcome(int stepIndex, String operationKind, String summary, StepStatus status, boolean alreadyDone,
                          long durationMs, @Nullable String error, @Nullable String sqlState, @Nullable StepRisk risk) {

    public StepOutcome(int stepIndex, String operationKind, String summary, StepStatus status, boolean alreadyDone,
                       long durationMs, String error, String sqlState) {
        this(stepIndex, operationKind, summary, status, alreadyDone, durationMs, error, sqlState, null);
    }
}
