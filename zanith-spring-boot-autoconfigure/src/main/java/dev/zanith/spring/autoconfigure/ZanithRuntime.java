package dev.zanith.spring.autoconfigure;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.Plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Zanith did in this application: the last plan, the last apply, a refusal or failure, and the progress
 * of migrations still running in the background. Written by {@link ZanithMigrator} (startup, background and
 * endpoint applies alike), read by the endpoint, the health indicator and the metrics.
 */
public class ZanithRuntime {

    /** Where migration stands in this application. */
    public enum State { NOT_RUN, OFF, PLANNED, APPLIED, REFUSED, FAILED, RUNNING_IN_BACKGROUND }

    private volatile State state = State.NOT_RUN;
    private volatile Plan lastPlan;
    private volatile Instant plannedAt;
    private volatile ApplyResult lastApply;
    private volatile Instant lastRun;
    private volatile String problem;
    private volatile String currentStep;
    private volatile BackfillProgress backfill;
    private final AtomicLong changes = new AtomicLong();

    public State state() {
        return state;
    }

    /**
     * The plan computed last, or null: planned at startup and after an apply only while something is pending (a
     * restart with nothing pending reads the ledger alone), and on request ({@link ZanithMigrator#lastPlan()}, the
     * endpoint's risk section).
     */
    public Plan lastPlan() {
        return lastPlan;
    }

    /** When {@link #lastPlan()} was computed, or null. */
    public Instant plannedAt() {
        return plannedAt;
    }

    public ApplyResult lastApply() {
        return lastApply;
    }

    public Instant lastRun() {
        return lastRun;
    }

    /** Why the state is REFUSED or FAILED, or null. */
    public String problem() {
        return problem;
    }

    public boolean backgroundRunning() {
        return state == State.RUNNING_IN_BACKGROUND;
    }

    /**
     * A number that grows whenever this application changed the database through Zanith (an apply, a restore, a
     * purge), so that cached readings (the metrics) know to read again.
     */
    public long changes() {
        return changes.get();
    }

    void changed() {
        changes.incrementAndGet();
    }

    /** Forgets the last plan: the schema changed and nothing is pending, so the next request plans again. */
    void planForgotten() {
        lastPlan = null;
        plannedAt = null;
    }

    void planned(Plan plan) {
        lastPlan = plan;
        plannedAt = Instant.now();
        lastRun = plannedAt;
        if (state == State.NOT_RUN) {
            state = State.PLANNED;
        }
    }

    void applied(ApplyResult result) {
        lastApply = result;
        lastRun = Instant.now();
        state = State.APPLIED;
        problem = null;
    }

    void refused(String why) {
        state = State.REFUSED;
        problem = why;
        lastRun = Instant.now();
    }

    void failed(String why) {
        state = State.FAILED;
        problem = why;
        lastRun = Instant.now();
    }

    void off() {
        state = State.OFF;
    }

    void background() {
        state = State.RUNNING_IN_BACKGROUND;
    }

    /** The step running right now and a backfill's progress, for health and the endpoint. */
    public Map<String, Object> progress() {
        Map<String, Object> progress = new LinkedHashMap<>();
        if (currentStep != null) {
            progress.put("step", currentStep);
        }
        BackfillProgress b = backfill;
        if (b != null && !b.finished()) {
            progress.put("backfillTable", b.table().toString());
            progress.put("backfillRows", b.processedRows());
            if (b.estimatedTotal() != null) {
                progress.put("backfillEstimatedTotal", b.estimatedTotal());
            }
            progress.put("backfillRowsPerSecond", Math.round(b.rowsPerSecond()));
        }
        return progress;
    }

    /** Keeps {@link #progress()} current while an apply runs. */
    ApplyListener tracker() {
        return new ApplyListener() {
            @Override
            public void stepStarted(Migration migration, int stepIndex, Operation operation) {
                currentStep = migration.id() + " #" + stepIndex + " " + operation.kind().id();
            }

            @Override
            public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
                backfill = progress;
            }

            @Override
            public void migrationApplied(Migration migration, long durationMs) {
                currentStep = null;
                backfill = null;
                changed();
            }
        };
    }
}
