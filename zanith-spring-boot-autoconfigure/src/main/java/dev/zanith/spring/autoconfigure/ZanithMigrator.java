package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.MigrationOutcome;
import dev.zanith.api.output.StepOutcome;
import dev.zanith.api.output.StepStatus;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.StatusReport;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RestoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plans and applies for the application — at startup, in the background and from {@code POST
 * /actuator/zanith/apply} alike: every apply reaches the same listeners (the application's {@link ApplyListener}
 * beans, the metrics, the step log) and leaves its outcome in {@link ZanithRuntime}, and every plan becomes the
 * runtime's last plan, which {@code /actuator/zanith/risk} serves until the next apply or an explicit refresh.
 */
public class ZanithMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(ZanithMigrator.class);

    private final Zanith zanith;
    private final ZanithRuntime runtime;
    private final List<ApplyListener> listeners;

    /**
     * @param listeners the application's apply listeners (metrics among them), told of every step
     */
    public ZanithMigrator(Zanith zanith, ZanithRuntime runtime, List<ApplyListener> listeners) {
        this.zanith = zanith;
        this.runtime = runtime;
        this.listeners = List.copyOf(listeners);
    }

    public Zanith zanith() {
        return zanith;
    }

    public ZanithRuntime runtime() {
        return runtime;
    }

    /** Plans the pending migrations now (read-only) and keeps the plan as the runtime's last plan. */
    public Plan plan() {
        Plan plan = zanith.plan();
        runtime.planned(plan);
        return plan;
    }

    /**
     * Whether the ledger holds every migration file unchanged and no step of an unfinished migration is recorded:
     * then there is nothing to plan (read from the audit tables only, see {@link Zanith#status()}). Otherwise
     * (something pending, an edited file, an interrupted run) a plan decides and reports what it finds.
     */
    public boolean upToDate() {
        StatusReport status = zanith.status();
        return status.initialized() && status.pending() != null && status.pending().isEmpty()
                && status.changed().isEmpty() && status.unfinished().isEmpty();
    }

    /** The runtime's last plan; planned now when there is none yet. */
    public Plan lastPlan() {
        Plan plan = runtime.lastPlan();
        return plan != null ? plan : plan();
    }

    /**
     * Applies the pending migrations before the first one matching {@code stopBefore}, gates enforced, and records
     * the outcome: APPLIED, REFUSED (with the refusal) or FAILED (the failed step in words, see
     * {@link StepFailureMessage}), readable as {@link ZanithRuntime#problem()}. Then, while
     * something is still pending, plans again so that the last plan describes it; with nothing pending it forgets the
     * last plan instead (the next request plans). Throws only when Zanith cannot run at all
     * (database unreachable, unreadable files).
     */
    public ApplyResult apply(Predicate<Migration> stopBefore) {
        return apply(stopBefore, ApplyListener.NONE);
    }

    /**
     * As {@link #apply(Predicate)}, also telling {@code progress} of every step (Zanith Studio streams it to the
     * page).
     */
    public ApplyResult apply(Predicate<Migration> stopBefore, ApplyListener progress) {
        FailureCapture capture = new FailureCapture();
        List<ApplyListener> all = new ArrayList<>(listeners);
        all.add(progress);
        all.add(runtime.tracker());
        all.add(new LoggingListener());
        all.add(capture);
        ApplyResult result;
        try {
            result = zanith.apply(new CompositeApplyListener(all), stopBefore);
        } finally {
            runtime.changed();
        }
        if (result.refused()) {
            runtime.refused(StarterMessages.forStarter(result.refusal()));
            LOG.warn("Zanith refused to apply: {}", runtime.problem());
            return result;
        }
        Optional<String> failure = failure(result, capture.migration);
        if (failure.isPresent()) {
            runtime.failed(failure.get());
            return result;
        }
        runtime.applied(result);
        if (result.appliedCount() > 0) {
            if (upToDate()) {
                // Nothing left to plan: a plan would read the whole live schema for an empty answer (at startup,
                // on the application's critical path). The risk section plans on its next request.
                runtime.planForgotten();
            } else {
                replanQuietly();
            }
        }
        return result;
    }

    /**
     * Restores an artifact (see {@link Zanith#restore(String, boolean)}), then plans again: the restored column or
     * table is part of the schema the next plan starts from.
     */
    public RestoreResult restore(String artifactId, boolean acceptChangedData) {
        try {
            return zanith.restore(artifactId, acceptChangedData);
        } finally {
            runtime.changed();
            replanQuietly();
        }
    }

    /** Purges an artifact (see {@link Zanith#purge(String)}). */
    public PurgeResult purge(String artifactId) {
        try {
            return zanith.purge(artifactId);
        } finally {
            runtime.changed();
        }
    }

    private Optional<String> failure(ApplyResult result, Migration failedMigration) {
        for (MigrationOutcome outcome : result.migrations()) {
            for (StepOutcome step : outcome.steps()) {
                if (step.status() == StepStatus.FAILED) {
                    Migration migration = failedMigration != null && failedMigration.id().equals(outcome.id())
                            ? failedMigration : null;
                    return Optional.of(StarterMessages.forStarter(StepFailureMessage.describe(migration, outcome.id(), step)));
                }
            }
        }
        return Optional.empty();
    }

    private void replanQuietly() {
        try {
            plan();
        } catch (ZanithException e) {
            LOG.warn("Zanith applied, but could not plan again afterwards: {}", e.getMessage());
        }
    }

    /** Remembers the migration whose step failed, for its file name. */
    private static final class FailureCapture implements ApplyListener {
        private volatile Migration migration;

        @Override
        public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
            this.migration = migration;
        }
    }

    /** Logs each step for people reading the application log. */
    private static final class LoggingListener implements ApplyListener {
        @Override
        public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
            LOG.info("Zanith ✓ {} #{} {} ({} ms)", migration.id(), stepIndex, operation.summary(), durationMs);
        }

        @Override
        public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
            LOG.error("Zanith ✗ {} #{} {}: {}", migration.id(), stepIndex, operation.summary(), error);
        }

        @Override
        public void migrationApplied(Migration migration, long durationMs) {
            LOG.info("Zanith applied {} in {} ms", migration.id(), durationMs);
        }
    }
}
