package dev.zanith.api;

import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.SchemaGraph;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Progress of an apply, for terminals, logs and metrics. Every method has a no-op default. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
    };

    /** Another session holds the apply lock; this run waits up to {@code wait} for it. */
    default void lockWaiting(LockHolder holder, Duration wait) {
    }

    /** The pre-apply check refused the plan; nothing was applied. */
    default void refused(String message) {
    }

    default void migrationStarted(Migration migration, int pendingSteps) {
    }

    /** A schema snapshot was stored ({@code before} the first step, {@code after} the last). */
    default void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
    }

    /** A step an earlier run already completed (↻). */
    default void stepSkipped(Migration migration, int stepIndex, Operation operation) {
    }

    /** A step an earlier run already completed (↻), with its risk (null when none was supplied). */
    default void stepSkipped(Migration migration, int stepIndex, Operation operation, @Nullable StepRisk risk) {
        stepSkipped(migration, stepIndex, operation);
    }

    default void stepStarted(Migration migration, int stepIndex, Operation operation) {
    }

    /** A step starts, with its risk (null when the pre-apply check supplied none). */
    default void stepStarted(Migration migration, int stepIndex, Operation operation, @Nullable StepRisk risk) {
        stepStarted(migration, stepIndex, operation);
    }

    /** An attempt gave up waiting for a lock; the step is retried after {@code delay}. */
    default void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt,
                              int maxAttempts, Duration delay, String error) {
    }

    /** A backfill finished a batch. */
    default void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
    }

    default void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
    }

    default void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
    }

    default void migrationApplied(Migration migration, long durationMs) {
    }
}
