package dev.zanith.api.output;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code _zanith_migration_steps} as read back: what a step is, and what happened to it.
 *
 * @param riskScore  null when no risk was recorded
 * @param durationMs null until the step finished
 * @param attempts   how often it was started, lock-timeout retries included
 */
public record StepRow(String migrationId, int stepIndex, String operationKind, StepStatus status, String sql,
                      @Nullable String summary, @Nullable String riskLevel, @Nullable Integer riskScore,
                      List<String> reasons, @Nullable String error, @Nullable String sqlState,
                      @Nullable Long durationMs, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                      int attempts) {

    public StepRow {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
