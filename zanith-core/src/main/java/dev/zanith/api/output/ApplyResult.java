package dev.zanith.api.output;

import dev.zanith.api.output.StepStatus;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply: every migration it touched, in order (a failure stops it), or the pre-apply check's
 * refusal, in which case nothing ran.
 *
 * @param refusal why the pre-apply check refused, or null
 */
public record ApplyResult(List<MigrationOutcome> migrations, @Nullable String refusal) {

    public ApplyResult {
        migrations = List.copyOf(migrations);
    }

    public ApplyResult(List<MigrationOutcome> migrations) {
        this(migrations, null);
    }

    public static ApplyResult refused(String message) {
        return new ApplyResult(List.of(), message);
    }

    public boolean refused() {
        return refusal != null;
    }

    public boolean succeeded() {
        return refusal == null && migrations.stream().allMatch(MigrationOutcome::applied);
    }

    public Optional<StepOutcome> failedStep() {
        return migrations.stream().flatMap(m -> m.steps().stream())
                .filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }

    public int appliedCount() {
        return (int) migrations.stream().filter(MigrationOutcome::applied).count();
    }
}
