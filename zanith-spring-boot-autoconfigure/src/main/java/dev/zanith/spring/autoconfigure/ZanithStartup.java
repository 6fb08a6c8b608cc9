package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.StepOutcome;
import dev.zanith.command.Apply;
import dev.zanith.migration.Migration;
import dev.zanith.ops.AddIndex;
import dev.zanith.ops.Operation;
import dev.zanith.ops.OperationKind;
import dev.zanith.plan.Plan;
import dev.zanith.shadow.ShadowProviders;
import dev.zanith.verify.Verdict;
import dev.zanith.verify.VerifyResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Zanith's default startup: plan; in {@code apply} mode verify on a shadow if asked, then apply what the gates
 * allow — or fail startup with the plan as the reason ({@code on-refusal=fail}), or apply the migrations before
 * the refused one and carry on ({@code on-refusal=warn}). With {@code background-long-running}, migrations from
 * the first one with a backfill or a concurrent index build onwards continue after the context is up.
 */
final class ZanithStartup implements ZanithMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ZanithStartup.class);

    private final ZanithProperties properties;
    private final ZanithRuntime runtime;
    private final List<ApplyListener> listeners;

    ZanithStartup(ZanithProperties properties, ZanithRuntime runtime, List<ApplyListener> listeners) {
        this.properties = properties;
        this.runtime = runtime;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void migrate(Zanith zanith) {
        if (properties.getMode() == ZanithProperties.Mode.OFF) {
            runtime.off();
            LOG.info("Zanith is off at startup (zanith.mode=off)");
            return;
        }
        Plan plan = zanith.plan();
        runtime.planned(plan);
        if (plan.toRun().isEmpty()) {
            LOG.info("Zanith: schema up to date, nothing pending");
            runtime.applied(new ApplyResult(List.of()));
            return;
        }
        LOG.info("Zanith: {} pending migration(s), {} step(s), worst risk {} {}, verdict {}", plan.migrations().size(),
                plan.toRun().size(), plan.worstLevel(), plan.worstScore(), plan.verdict());
        if (properties.getMode() == ZanithProperties.Mode.PLAN_ONLY) {
            LOG.info("Zanith: plan-only mode, nothing applied; see /actuator/zanith/risk");
            return;
        }
        if (properties.isVerifyBeforeApply() && !verified(zanith)) {
            return;
        }
        Predicate<Migration> refusedFromHere = migration -> false;
        if (!plan.isGreen()) {
            String refusedId = plan.refusal().step().migrationId();
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                runtime.refused(PlanDescription.refusal(plan));
                throw new ZanithStartupException("Zanith refused the pending migrations", PlanDescription.describe(plan),
                        PlanDescription.action(plan));
            }
            LOG.warn("Zanith refused {} and what follows it; applying the migrations before it (zanith.on-refusal=warn).\n{}\n{}",
                    refusedId, PlanDescription.describe(plan), PlanDescription.fix(plan));
            refusedFromHere = migration -> migration.id().equals(refusedId);
        }
        Predicate<Migration> stopAt = refusedFromHere;
        Optional<String> firstLongRunning = properties.isBackgroundLongRunning() ? firstLongRunning(plan) : Optional.empty();
        ApplyResult result = apply(zanith, firstLongRunning.<Predicate<Migration>>map(id -> m -> m.id().equals(id) || stopAt.test(m))
                .orElse(stopAt));
        if (firstLongRunning.isPresent() && result.succeeded() && !result.refused()) {
            runtime.background();
            Thread background = new Thread(() -> finishInBackground(zanith, stopAt), "zanith-background");
            background.setDaemon(true);
            background.start();
            LOG.info("Zanith: {} and later migrations continue in the background (zanith.background-long-running)",
                    firstLongRunning.get());
            return;
        }
        if (!plan.isGreen() && !result.refused() && result.succeeded()) {
            runtime.refused(PlanDescription.refusal(plan));
        }
    }

    private void finishInBackground(Zanith zanith, Predicate<Migration> stopAt) {
        try {
            ApplyResult result = apply(zanith, stopAt);
            if (result.succeeded() && !result.refused()) {
                LOG.info("Zanith: background migrations finished ({} applied)", result.appliedCount());
            }
        } catch (RuntimeException e) {
            runtime.failed(e.getMessage());
            LOG.error("Zanith: background migration failed: {}", e.getMessage());
        }
    }

    private ApplyResult apply(Zanith zanith, Predicate<Migration> stopBefore) {
        List<ApplyListener> all = new ArrayList<>(listeners);
        all.add(runtime.tracker());
        all.add(new LoggingListener());
        ApplyResult result = new Apply(zanith.config(), new CompositeApplyListener(all)).stopBefore(stopBefore).run();
        if (result.refused()) {
            String why = result.refusal();
            runtime.refused(why);
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                throw new ZanithStartupException("Zanith refused the pending migrations", "Zanith refused to apply: " + why,
                        "Change the migration or the zanith.* gate named above, or set zanith.on-refusal=warn.");
            }
            LOG.warn("Zanith refused to apply: {}", why);
            return result;
        }
        Optional<StepOutcome> failed = result.failedStep();
        if (failed.isPresent()) {
            StepOutcome step = failed.get();
            String why = "step " + step.stepIndex() + " (" + step.operationKind() + ", " + step.summary() + ") failed"
                    + (step.sqlState() != null ? " [" + step.sqlState() + "]" : "") + ": " + step.error();
            runtime.failed(why);
            throw new ZanithStartupException("A Zanith migration step failed", "Zanith could not migrate the database: " + why
                    + "\nEarlier steps are done and recorded; later steps are still pending.",
                    "Fix the cause and restart: apply resumes at the failed step. /actuator/zanith/history shows every step.");
        }
        runtime.applied(result);
        return result;
    }

    /** Whether a rehearsal on a shadow says VERIFIED; otherwise fails startup or (warn) leaves everything pending. */
    private boolean verified(Zanith zanith) {
        VerifyResult verdict = zanith.verify(null, ShadowProviders.fromOption(properties.getShadow(),
                zanith.config().connectionSource(), false));
        if (verdict.verdict() != Verdict.VERIFIED && verdict.verdict() != Verdict.NOTHING_PENDING) {
            String why = "verify on a shadow said " + verdict.verdict()
                    + (verdict.failedStep() != null ? ": step " + verdict.failedStep().stepIndex() + " of "
                    + verdict.failedStep().migrationId() + " failed: " + verdict.failedStep().error()
                    : ": " + verdict.differences().size() + " difference(s), e.g. " + verdict.differences().stream()
                    .limit(3).map(dev.zanith.verify.Difference::describe).toList());
            runtime.refused(why);
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                throw new ZanithStartupException("Zanith verify-before-apply refused", "Zanith refused to apply: " + why,
                        "Fix the migrations (zanith verify shows the details), or turn zanith.verify-before-apply off.");
            }
            LOG.warn("Zanith applied nothing: {} (zanith.on-refusal=warn)", why);
            return false;
        }
        return true;
    }

    /** The first pending migration with a step that can take long: a backfill, a concurrent index build, ... */
    static Optional<String> firstLongRunning(Plan plan) {
        return plan.toRun().stream().filter(step -> isLongRunning(step.operation())).map(s -> s.migrationId()).findFirst();
    }

    static boolean isLongRunning(Operation operation) {
        return operation.kind() == OperationKind.BACKFILL || operation.kind() == OperationKind.REBUILD_TABLE
                || operation.kind() == OperationKind.VALIDATE_CONSTRAINT
                || operation instanceof AddIndex add && add.concurrently();
    }

    /** Logs each step for people reading the startup log. */
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
