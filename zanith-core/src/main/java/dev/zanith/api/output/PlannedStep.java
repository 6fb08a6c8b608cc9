package dev.zanith.api.output;

import dev.zanith.api.ops.Operation;
import dev.zanith.api.risk.Assessment;

import java.util.List;

/**
 * One step of a plan: the operation, its SQL, its risk assessment in context and its preflight results.
 *
 * @param stepIndex  1-based position in its migration (as in {@code _zanith_migration_steps})
 * @param statements the SQL apply will run (empty when the step cannot be rendered; see the notes)
 * @param done       whether an earlier, interrupted apply already ran it (apply resumes after it; not gated)
 */
public record PlannedStep(String migrationId, int stepIndex, Operation operation, List<String> statements,
                          Assessment assessment, List<PreflightResult> preflight, boolean done) {

    public PlannedStep {
        statements = List.copyOf(statements);
        preflight = List.copyOf(preflight);
    }

    /** "20260101000000_add_login #2". */
    public String label() {
        return migrationId + " #" + stepIndex;
    }

    public boolean preflightFailed() {
        return preflight.stream().anyMatch(PreflightResult::failed);
    }
}
