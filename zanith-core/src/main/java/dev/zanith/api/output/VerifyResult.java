package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What verify found.
 *
 * @param comparedWith "the declared schema (schema.sql)" or "the expected result of the pending migrations"
 * @param failedStep   the step that failed (verdict FAILED), else null
 * @param warnings     what makes the rehearsal less telling, e.g. a shadow of another PostgreSQL major version
 */
public record VerifyResult(VerifyOutcome verdict, List<ObservedStep> steps, List<Difference> differences, String shadow,
                           String comparedWith, @Nullable ObservedStep failedStep, long durationMs,
                           List<String> warnings) {

    public VerifyResult {
        steps = List.copyOf(steps);
        differences = List.copyOf(differences);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public VerifyResult(VerifyOutcome verdict, List<ObservedStep> steps, List<Difference> differences, String shadow,
                        String comparedWith, @Nullable ObservedStep failedStep, long durationMs) {
        this(verdict, steps, differences, shadow, comparedWith, failedStep, durationMs, List.of());
    }
}
