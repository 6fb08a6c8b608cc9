package dev.zanith.verify;

import java.util.List;

/**
 * What verify found.
 *
 * @param comparedWith "the declared schema (schema.sql)" or "the expected result of the pending migrations"
 * @param failedStep   the step that failed (verdict FAILED), else null
 */
public record VerifyResult(Verdict verdict, List<ObservedStep> steps, List<Difference> differences, String shadow,
                           String comparedWith, ObservedStep failedStep, long durationMs) {

    public VerifyResult {
        steps = List.copyOf(steps);
        differences = List.copyOf(differences);
    }
}
