package dev.zanith.api.output;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One migration in the history.
 *
 * @param applied its ledger row, or null when it started but did not finish (failed or interrupted)
 */
public record HistoryEntry(String id, @Nullable AppliedMigration applied, List<StepRow> steps) {

    public HistoryEntry {
        steps = List.copyOf(steps);
    }

    /** Whether this entry is a restore ({@code zanith recover}) recorded in the ledger, not a migration. */
    public boolean restore() {
        return AppliedMigration.isRestoreId(id);
    }

    /**
     * What the entry records: {@code migration}, {@code restore}, {@code baseline} (zanith baseline: nothing ran) or
     * {@code adopted} (run by Flyway or Liquibase, recorded by zanith adopt).
     */
    public String kind() {
        if (restore()) {
            return "restore";
        }
        return applied == null ? "migration" : applied.kind().value();
    }

    /** {@code applied}, {@code failed} or {@code running} (interrupted, or running right now). */
    public String status() {
        if (applied != null) {
            return "applied";
        }
        return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED) ? "failed" : "running";
    }

    /** The step with the highest risk score, if any step has one. */
    public Optional<StepRow> worstStep() {
        return steps.stream().filter(s -> s.riskScore() != null).max(Comparator.comparing(StepRow::riskScore));
    }

    /** The sum of the steps' risk scores. */
    public int totalRisk() {
        return steps.stream().filter(s -> s.riskScore() != null).mapToInt(StepRow::riskScore).sum();
    }
}
