package dev.zanith.spring.autoconfigure;

import dev.zanith.apply.StepOutcome;
import dev.zanith.migration.Migration;

/**
 * The one place that words a failed migration step for a Spring user — in the startup failure report, in
 * {@code /actuator/zanith} and in health: the migration id, its file, the step (kind and what it does) and
 * PostgreSQL's error with its SQLSTATE. A raw SQL file is not quoted by its first statement, which is not
 * necessarily the one that failed; the error itself says what PostgreSQL refused.
 */
final class StepFailureMessage {

    private StepFailureMessage() {
    }

    /**
     * @param migration the migration whose step failed (its id and file); null when only the outcome is known
     * @param step      the failed step's outcome
     */
    static String describe(Migration migration, String migrationId, StepOutcome step) {
        StringBuilder out = new StringBuilder();
        out.append("migration ").append(migrationId);
        if (migration != null) {
            out.append(" (").append(migration.location()).append(')');
        }
        out.append(" failed at step ").append(step.stepIndex()).append(" (").append(step.operationKind());
        if (migration == null || migration.format() != Migration.Format.SQL) {
            out.append(": ").append(step.summary());
        }
        out.append(')');
        if (step.sqlState() != null) {
            out.append(" [SQLSTATE ").append(step.sqlState()).append(']');
        }
        out.append(": ").append(step.error());
        return out.toString();
    }
}
