package dev.zanith.api.output;

import java.util.List;

/** What happened to one migration in this run. */
public record MigrationOutcome(String id, boolean applied, List<StepOutcome> steps, long durationMs) {

    public MigrationOutcome {
        steps = List.copyOf(steps);
    }
}
