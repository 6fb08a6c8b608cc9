package dev.zanith.spring.autoconfigure;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.SchemaGraph;

import java.time.Duration;
import java.util.List;

/** Hands every apply event to several listeners (logging, runtime state, metrics, the application's own). */
final class CompositeApplyListener implements ApplyListener {

    private final List<ApplyListener> listeners;

    CompositeApplyListener(List<ApplyListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void lockWaiting(LockHolder holder, Duration wait) {
        listeners.forEach(l -> l.lockWaiting(holder, wait));
    }

    @Override
    public void refused(String message) {
        listeners.forEach(l -> l.refused(message));
    }

    @Override
    public void migrationStarted(Migration migration, int pendingSteps) {
        listeners.forEach(l -> l.migrationStarted(migration, pendingSteps));
    }

    @Override
    public void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
        listeners.forEach(l -> l.snapshotTaken(migration, phase, graph));
    }

    @Override
    public void stepSkipped(Migration migration, int stepIndex, Operation operation) {
        listeners.forEach(l -> l.stepSkipped(migration, stepIndex, operation));
    }

    @Override
    public void stepSkipped(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
        listeners.forEach(l -> l.stepSkipped(migration, stepIndex, operation, risk));
    }

    @Override
    public void stepStarted(Migration migration, int stepIndex, Operation operation) {
        listeners.forEach(l -> l.stepStarted(migration, stepIndex, operation));
    }

    @Override
    public void stepStarted(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
        listeners.forEach(l -> l.stepStarted(migration, stepIndex, operation, risk));
    }

    @Override
    public void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt, int maxAttempts,
                             Duration delay, String error) {
        listeners.forEach(l -> l.stepRetrying(migration, stepIndex, operation, failedAttempt, maxAttempts, delay, error));
    }

    @Override
    public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
        listeners.forEach(l -> l.backfillProgress(migration, stepIndex, progress));
    }

    @Override
    public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
        listeners.forEach(l -> l.stepDone(migration, stepIndex, operation, durationMs));
    }

    @Override
    public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
        listeners.forEach(l -> l.stepFailed(migration, stepIndex, operation, error));
    }

    @Override
    public void migrationApplied(Migration migration, long durationMs) {
        listeners.forEach(l -> l.migrationApplied(migration, durationMs));
    }
}
