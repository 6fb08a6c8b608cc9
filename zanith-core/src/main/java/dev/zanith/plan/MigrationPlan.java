package dev.zanith.plan;

import dev.zanith.risk.RiskLevel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The planned steps of one pending migration, with its risk profile (worst and total score). */
public record MigrationPlan(String id, String description, String location, List<PlannedStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** Steps apply will still run (an interrupted apply's done steps excluded). */
    public List<PlannedStep> toRun() {
        return steps.stream().filter(s -> !s.done()).toList();
    }

    /** The highest-scoring step to run, if any. */
    public Optional<PlannedStep> worstStep() {
        return toRun().stream().max(Comparator.comparingInt(s -> s.assessment().score()));
    }

    public int worstScore() {
        return worstStep().map(s -> s.assessment().score()).orElse(0);
    }

    public RiskLevel worstLevel() {
        return worstStep().map(s -> s.assessment().level()).orElse(RiskLevel.SAFE);
    }

    public int totalScore() {
        return toRun().stream().mapToInt(s -> s.assessment().score()).sum();
    }
}
