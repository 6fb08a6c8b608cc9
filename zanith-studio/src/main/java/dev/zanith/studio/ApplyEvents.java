package dev.zanith.studio;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static dev.zanith.studio.Studio.object;

/**
 * An apply's progress as server-sent events ({@code text/event-stream}), one event per listener call, flushed at once:
 * {@code lock} (waiting for another session), {@code migration} (started), {@code step} (status started, done,
 * failed or skipped, with risk and duration), {@code retry} (lock timeout, retried), {@code backfill} (rows, rows/s,
 * ETA), {@code applied} (a migration finished), then exactly one {@code result} (the outcome, as
 * {@link #outcome(ApplyResult, Function)}) or {@code error} ({@code {"message": ...}}). Events are written on the
 * applying thread; a closed connection stops nothing (the apply runs to its end, as it would at a terminal).
 */
final class ApplyEvents implements ApplyListener {

    private final OutputStream out;
    private final Function<String, String> messages;
    private boolean disconnected;

    /** @param out the event stream, or null to send nothing (a plain JSON apply) */
    ApplyEvents(OutputStream out, Function<String, String> messages) {
        this.out = out;
        this.messages = messages;
    }

    /** What an apply did: {@code refused, refusal, applied (ids), failedStep {migrationId, stepIndex, operationKind, error, sqlState}}. */
    static Map<String, Object> outcome(ApplyResult result, Function<String, String> messages) {
        String failedMigration = result.migrations().stream()
                .filter(m -> m.steps().stream().anyMatch(s -> result.failedStep().filter(f -> f == s).isPresent()))
                .map(m -> m.id()).findFirst().orElse(null);
        return object("refused", result.refused(), "refusal", messages.apply(result.refusal()),
                "applied", result.migrations().stream().filter(m -> m.applied()).map(m -> m.id()).toList(),
                "failedStep", result.failedStep().map(s -> object("migrationId", failedMigration,
                        "stepIndex", s.stepIndex(), "operationKind", s.operationKind(), "error", s.error(),
                        "sqlState", s.sqlState())).orElse(null));
    }

    void result(ApplyResult result) {
        send("result", outcome(result, messages));
    }

    void error(ZanithException e) {
        send("error", object("message", messages.apply(e.getMessage())));
    }

    @Override
    public void lockWaiting(LockHolder holder, Duration wait) {
        send("lock", object("holder", holder.toString(), "waitSeconds", wait.toSeconds()));
    }

    @Override
    public void migrationStarted(Migration migration, int pendingSteps) {
        send("migration", object("migrationId", migration.id(), "steps", pendingSteps));
    }

    @Override
    public void stepSkipped(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
        step(migration, stepIndex, operation, "skipped", risk, null, null);
    }

    @Override
    public void stepStarted(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
        step(migration, stepIndex, operation, "started", risk, null, null);
    }

    @Override
    public void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt,
                             int maxAttempts, Duration delay, String error) {
        send("retry", object("migrationId", migration.id(), "stepIndex", stepIndex, "attempt", failedAttempt,
                "maxAttempts", maxAttempts, "delayMs", delay.toMillis(), "error", error));
    }

    @Override
    public void backfillProgress(Migration migration, int stepIndex, BackfillProgress p) {
        send("backfill", object("migrationId", migration.id(), "stepIndex", stepIndex, "table", p.table().toString(),
                "rows", p.processedRows(), "estimatedTotal", p.estimatedTotal(), "rowsPerSecond", p.rowsPerSecond(),
                "etaSeconds", p.eta() == null ? null : p.eta().toSeconds(), "fraction", p.fraction(),
                "finished", p.finished()));
    }

    @Override
    public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
        step(migration, stepIndex, operation, "done", null, durationMs, null);
    }

    @Override
    public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
        step(migration, stepIndex, operation, "failed", null, null, error);
    }

    @Override
    public void migrationApplied(Migration migration, long durationMs) {
        send("applied", object("migrationId", migration.id(), "durationMs", durationMs));
    }

    private void step(Migration migration, int stepIndex, Operation operation, String status, StepRisk risk,
                      Long durationMs, String error) {
        send("step", object("migrationId", migration.id(), "stepIndex", stepIndex, "operationKind",
                operation.kind().id(), "summary", operation.summary(), "status", status,
                "riskLevel", risk == null ? null : risk.level(), "riskScore", risk == null ? null : risk.score(),
                "durationMs", durationMs, "error", error));
    }

    private void send(String event, Object data) {
        if (out == null || disconnected) {
            return;
        }
        try {
            out.write(("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            out.write(Studio.JSON.writeValueAsBytes(data));
            out.write("\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            disconnected = true;
        }
    }
}
