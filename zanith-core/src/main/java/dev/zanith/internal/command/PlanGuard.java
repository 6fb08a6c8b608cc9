package dev.zanith.internal.command;

import dev.zanith.internal.apply.ApplyGuard;
import dev.zanith.internal.apply.GuardDecision;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.internal.plan.Planner;
import dev.zanith.api.output.Refusal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Apply's gauntlet, run inside the apply lock: re-plan what is about to run (same verdict as {@code plan}),
 * refuse a plan computed against another schema than the live one, and hand every step's risk to the audit row.
 */
public final class PlanGuard implements ApplyGuard {

    private final Planner planner;
    private final String expectedFingerprint;
    private Plan lastPlan;

    /**
     * @param expectedFingerprint the fingerprint of a plan reviewed earlier (apply refuses when the live schema
     *                            has changed since), or null to accept the schema as it is now
     */
    public PlanGuard(Planner planner, String expectedFingerprint) {
        this.planner = planner;
        this.expectedFingerprint = expectedFingerprint;
    }

    /** The plan the last check computed, or null. */
    public Plan lastPlan() {
        return lastPlan;
    }

    @Override
    public GuardDecision check(Connection connection, List<Migration> pending) throws SQLException {
        Plan plan = planner.plan(connection, pending);
        lastPlan = plan;
        if (expectedFingerprint != null && !expectedFingerprint.equals(plan.fingerprint())) {
            return GuardDecision.refuse("stale plan: it was computed against schema " + shorten(expectedFingerprint)
                    + " but the live schema is now " + shorten(plan.fingerprint())
                    + ". Something changed the database since; run zanith plan again and review it.");
        }
        if (!plan.isGreen()) {
            Refusal refusal = plan.refusal();
            return GuardDecision.refuse("refused by the " + refusal.gate() + " gate at " + refusal.step().label() + " ("
                    + refusal.step().operation().kind().id() + "): " + refusal.message() + " Fix: " + refusal.fix());
        }
        Map<GuardDecision.StepKey, StepRisk> risks = new LinkedHashMap<>();
        for (PlannedStep step : plan.steps()) {
            risks.put(new GuardDecision.StepKey(step.migrationId(), step.stepIndex()), new StepRisk(
                    step.assessment().level().name().toLowerCase(Locale.ROOT), step.assessment().score(),
                    step.assessment().reasonCodes()));
        }
        return GuardDecision.go(risks);
    }

    private static String shorten(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }
}
