package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Zanith's default startup: plan; in {@code apply} mode verify on a shadow if asked, then apply what the gates
 * allow — or fail startup with the plan as the reason ({@code on-refusal=fail}), or apply the migrations before
 * the refused one and carry on ({@code on-refusal=warn}). With {@code background-long-running}, migrations from
 * the first one with a long-running step ({@link dev.zanith.api.ops.Operation#longRunning()}: a backfill, an index build,
 * a constraint validation, a rewrite or copy) onwards continue after startup
 * ({@link ZanithBackgroundMigrations}). Every apply goes through {@link ZanithMigrator}, as the endpoint's does.
 */
final class ZanithStartup implements ZanithMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ZanithStartup.class);

    private final ZanithProperties properties;
    private final ZanithMigrator migrator;
    private final ZanithBackgroundMigrations background;

    ZanithStartup(ZanithProperties properties, ZanithMigrator migrator, ZanithBackgroundMigrations background) {
        this.properties = properties;
        this.migrator = migrator;
        this.background = background;
    }

    @Override
    public void migrate(Zanith zanith) {
        ZanithRuntime runtime = migrator.runtime();
        if (properties.getMode() == ZanithProperties.Mode.OFF) {
            runtime.off();
            LOG.info("Zanith is off at startup (zanith.mode=off)");
            return;
        }
        new StartingPointCheck(properties).check(zanith);
        // The common restart is up to date, which the ledger alone tells: then no plan, so no read of the live
        // schema, whose cost grows with the schema and not with the (empty) change. The endpoint's risk section
        // plans on its first request instead.
        Plan plan = migrator.upToDate() ? null : migrator.plan();
        if (plan == null || plan.toRun().isEmpty()) {
            LOG.info("Zanith: schema up to date, nothing pending");
            runtime.applied(new ApplyResult(List.of()));
            return;
        }
        LOG.info("Zanith: {} pending migration(s), {} step(s), worst risk {} {}, verdict {}", plan.migrations().size(),
                plan.toRun().size(), plan.worstLevel(), plan.worstScore(), plan.verdict());
        if (properties.getMode() == ZanithProperties.Mode.PLAN_ONLY) {
            LOG.info("Zanith: plan-only mode, nothing applied; the plan is at /actuator/zanith/risk");
            return;
        }
        if (properties.isVerifyBeforeApply() && !verified(zanith)) {
            return;
        }
        Predicate<Migration> refusedFromHere = migration -> false;
        String refusal = null;
        String refusedId = null;
        if (!plan.isGreen()) {
            refusal = PlanDescription.refusal(plan);
            refusedId = plan.refusal().step().migrationId();
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                runtime.refused(refusal);
                throw new ZanithStartupException("Zanith refused the pending migrations",
                        PlanDescription.describe(plan), PlanDescription.action(plan));
            }
            LOG.warn("Zanith refused {} and what follows it; applying the migrations before it (zanith.on-refusal=warn).\n{}\n{}",
                    refusedId, PlanDescription.describe(plan), PlanDescription.fix(plan));
            String refused = refusedId;
            refusedFromHere = migration -> migration.id().equals(refused);
        }
        Predicate<Migration> stopAt = refusedFromHere;
        Optional<String> firstLongRunning = properties.isBackgroundLongRunning()
                ? firstLongRunning(plan, refusedId) : Optional.empty();
        ApplyResult result = apply(zanith, firstLongRunning.<Predicate<Migration>>map(id -> m -> m.id().equals(id)
                || stopAt.test(m)).orElse(stopAt));
        if (result.refused() || !result.succeeded()) {
            return;
        }
        String pendingRefusal = refusal;
        if (firstLongRunning.isPresent()) {
            LOG.info("Zanith: {} and later migrations continue in the background (zanith.background-long-running)",
                    firstLongRunning.get());
            background.start(() -> {
                ApplyResult rest = migrator.apply(stopAt);
                if (rest.succeeded() && !rest.refused()) {
                    LOG.info("Zanith: background migrations finished ({} applied)", rest.appliedCount());
                    if (pendingRefusal != null) {
                        runtime.refused(pendingRefusal);
                    }
                    return true;
                }
                LOG.error("Zanith: background migration stopped: {}", runtime.problem());
                return false;
            });
            return;
        }
        if (pendingRefusal != null) {
            runtime.refused(pendingRefusal);
        }
    }

    /** Applies through the migrator; a refusal fails startup ({@code fail}) or is logged, a failed step fails it. */
    private ApplyResult apply(Zanith zanith, Predicate<Migration> stopBefore) {
        ApplyResult result = migrator.apply(stopBefore);
        if (result.refused()) {
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                throw new ZanithStartupException("Zanith refused the pending migrations", "Zanith refused to apply: "
                        + migrator.runtime().problem(),
                        "Change the migration or the zanith.* gate named above, or set zanith.on-refusal=warn.");
            }
            return result;
        }
        if (result.failedStep().isPresent()) {
            throw new ZanithStartupException("A Zanith migration step failed", "Zanith could not migrate the database: "
                    + migrator.runtime().problem() + "\nEarlier steps and migrations are done and recorded; this step and the ones after "
                    + "it are still pending.",
                    "Fix the cause and start the application again: apply resumes at the failed step. Every step's "
                    + "status and error are in the audit table " + stepsTable(zanith) + ".");
        }
        return result;
    }

    private static String stepsTable(Zanith zanith) {
        return zanith.config().auditSchema() + "." + zanith.config().auditTableName("steps");
    }

    /** Whether a rehearsal on a shadow says VERIFIED; otherwise fails startup or (warn) leaves everything pending. */
    private boolean verified(Zanith zanith) {
        VerifyResult verdict = zanith.verify(null, zanith.shadow(properties.getShadow(), false));
        if (verdict.verdict() != VerifyOutcome.VERIFIED && verdict.verdict() != VerifyOutcome.NOTHING_PENDING) {
            String why = StarterMessages.forStarter("verify on a shadow said " + verdict.verdict()
                    + (verdict.failedStep() != null ? ": step " + verdict.failedStep().stepIndex() + " of "
                    + verdict.failedStep().migrationId() + " failed: " + verdict.failedStep().error()
                    : ": " + verdict.differences().size() + " difference(s), e.g. " + verdict.differences().stream()
                    .limit(3).map(dev.zanith.api.output.Difference::describe).toList()));
            migrator.runtime().refused(why);
            if (properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL) {
                throw new ZanithStartupException("Zanith verify-before-apply refused", "Zanith refused to apply: " + why,
                        "Fix the migrations (the CLI's zanith verify shows every observed lock, rewrite and difference), "
                                + "or set zanith.verify-before-apply=false.");
            }
            LOG.warn("Zanith applied nothing: {} (zanith.on-refusal=warn)", why);
            return false;
        }
        return true;
    }

    /**
     * The first pending migration with a long-running step ({@link dev.zanith.api.ops.Operation#longRunning()}) before
     * the refused migration {@code refusedId} (null: none refused).
     */
    static Optional<String> firstLongRunning(Plan plan, String refusedId) {
        for (PlannedStep step : plan.toRun()) {
            if (step.migrationId().equals(refusedId)) {
                return Optional.empty();
            }
            if (step.operation().longRunning()) {
                return Optional.of(step.migrationId());
            }
        }
        return Optional.empty();
    }
}
