package dev.zanith.internal.audit;

import dev.zanith.api.output.PlannedStep;

import java.util.List;

/**
 * What a step row records before it runs.
 *
 * @param riskLevel null until classified
 */
public record StepRecord(String migrationId, int stepIndex, String operationKind, String sql, String summary,
                         String riskLevel, Integer riskScore, List<String> reasons) {

    public StepRecord {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The audit row apply writes for a planned step, risk columns filled in. */
    public static StepRecord of(PlannedStep step) {
        StringBuilder sql = new StringBuilder();
        step.statements().forEach(s -> sql.append(s).append(";\n"));
        return new StepRecord(step.migrationId(), step.stepIndex(), step.operation().kind().id(), sql.toString(),
                step.operation().summary(), step.assessment().level().id(), step.assessment().score(),
                step.assessment().reasonCodes());
    }
}
