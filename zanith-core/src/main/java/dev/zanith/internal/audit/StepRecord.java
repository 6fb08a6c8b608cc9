package dev.zanith.internal.audit;

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
}
