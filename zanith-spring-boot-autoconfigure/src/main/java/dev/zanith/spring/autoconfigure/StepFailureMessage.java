package dev.zanith.spring.autoconfigure;

import dev.zanith.api.output.StepOutcome;
import dev.zanith.api.migration.Migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that words a failed migration step for a Spring user — in the startup failure report, in
 * {@code /actuator/zanith} and in health: the migration id, its file, the step (kind and what it does) and
 * PostgreSQL's error with its SQLSTATE. For raw SQL the error itself (see the core's raw SQL runner) starts with
 * the file, line and column of the failing statement and quotes that statement; this message then names that
 * position next to the migration instead of the file alone, and does not repeat the SQLSTATE.
 */
final class StepFailureMessage {

    private static final Pattern POSITION = Pattern.compile("(\\d+(?::\\d+)?): ");

    private StepFailureMessage() {
    }

    /**
     * @param migration the migration whose step failed (its id and file); null when only the outcome is known
     * @param step      the failed step's outcome
     */
    static String describe(Migration migration, String migrationId, StepOutcome step) {
        String error = step.error() == null ? "" : step.error();
        String located = migration == null ? null : migration.location() + ":";
        if (located != null && migration.format() == Migration.Format.SQL && error.startsWith(located)) {
            Matcher position = POSITION.matcher(error).region(located.length(), error.length());
            if (position.lookingAt()) {
                return "migration " + migrationId + " (" + located + position.group(1) + ") failed at step "
                        + step.stepIndex() + " (" + step.operationKind() + "): " + error.substring(position.end());
            }
        }
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
        if (step.sqlState() != null && !error.contains("[SQLSTATE " + step.sqlState() + "]")) {
            out.append(" [SQLSTATE ").append(step.sqlState()).append(']');
        }
        out.append(": ").append(error);
        return out.toString();
    }
}
