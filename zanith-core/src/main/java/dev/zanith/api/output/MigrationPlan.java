package dev.zanith.api.output;

import dev.zanith.api.output.RiskProfile;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planned steps of one pending migration, with its risk profile (worst and total score). */
public record MigrationPlan(String id, @Nullable String description, String location, List<PlannedStep> steps)
        implements RiskProfile {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    @Override
    public List<PlannedStep> toRun() {
        return steps.stream().filter(s -> !s.done()).toList();
    }
}
