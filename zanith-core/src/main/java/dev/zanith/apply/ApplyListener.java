package dev.zanith.apply;

import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;

/** Progress of an apply, for terminals, logs and metrics. Every method has a no-op default. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
    };

    default void migrationStarted(Migration migration, int pendingSteps) {
    }

    /** A step an earlier run already completed (↻). */
    default void stepSkipped(Migration migration, int stepIndex, Operation operation) {
    }

    default void stepStarted(Migration migration, int stepIndex, Operation operation) {
    }

    default void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
    }

    default void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
    }

    default void migrationApplied(Migration migration, long durationMs) {
    }
}
