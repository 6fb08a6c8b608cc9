package dev.zanith.api.output;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code _zanith_migration_steps} as read back: what a step is, and what happened to it.
 *
 * @param riskScore  null when no risk was recorded
 * @param durationMs null until the step finished
 * @param attempts   how often it was started, lock-timeout retries included
 */
public record StepRow(String migrationId, int stepIndex, String operationKind, StepStatus status, String sql,
                      String summary, String riskLevel, Integer riskScore, List<String> reasons, String error,
                      String sqlState, Long durationMs, Instant startedAt, Instant finishedAt, int attempts) {

    public StepRow {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
