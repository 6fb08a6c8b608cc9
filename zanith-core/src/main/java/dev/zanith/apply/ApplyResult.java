package dev.zanith.apply;

import java.util.List;
import java.util.Optional;

/** The outcome of an apply: every migration it touched, in order; a failure stops it. */
public record ApplyResult(List<MigrationOutcome> migrations) {

    public ApplyResult {
        migrations = List.copyOf(migrations);
    }

    public boolean succeeded() {
        return migrations.stream().allMatch(MigrationOutcome::applied);
    }

    public Optional<StepOutcome> failedStep() {
        return migrations.stream().flatMap(m -> m.steps().stream())
                .filter(s -> s.status() == dev.zanith.audit.StepStatus.FAILED).findFirst();
    }

    public int appliedCount() {
        return (int) migrations.stream().filter(MigrationOutcome::applied).count();
    }
}
