package dev.zanith.spring.autoconfigure;

import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.BackfillProgress;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.plan.Plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Zanith did in this application: the last plan, the last apply, a refusal or failure, and the progress
 * of migrations still running in the background. Read by the endpoint, the health indicator and the metrics.
 */
public class ZanithRuntime {

    /** Where startup migration stands. */
    public enum State { NOT_RUN, OFF, PLANNED, APPLIED, REFUSED, FAILED, RUNNING_IN_BACKGROUND }

    private volatile State state = State.NOT_RUN;
    private volatile Plan lastPlan;
    private volatile ApplyResult lastApply;
    private volatile Instant lastRun;
    private volatile String problem;
    private volatile String currentStep;
    private volatile BackfillProgress backfill;

    public State state() {
        return state;
    }

    public Plan lastPlan() {
        return lastPlan;
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

    void planned(Plan plan) {
        lastPlan = plan;
        lastRun = Instant.now();
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
            }
        };
    }
}
