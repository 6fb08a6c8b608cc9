package dev.zanith.spring.autoconfigure;

import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.risk.Assessment;

import java.util.Locale;

/** A plan as plain text for a startup failure: each step and its risk, each gate, the refusal and the fix. */
final class PlanDescription {

    private PlanDescription() {
    }

    static String describe(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Zanith planned ").append(plan.migrations().size()).append(" pending migration(s) against ")
                .append(plan.database()).append(" (PostgreSQL ").append(plan.server()).append("):\n");
        for (MigrationPlan migration : plan.migrations()) {
            out.append("\n  ").append(migration.id()).append('\n');
            for (PlannedStep step : migration.steps()) {
                Assessment a = step.assessment();
                out.append(String.format(Locale.ROOT, "    #%d %-20s %-12s %s%s%n", step.stepIndex(),
                        step.operation().kind().id(), "[" + a.level().name() + " " + a.score() + "]",
                        step.operation().summary(), step.done() ? " (done earlier)" : ""));
                if (!a.reasonCodes().isEmpty()) {
                    out.append("       ").append(String.join(", ", a.reasonCodes())).append('\n');
                }
            }
        }
        out.append("\nGates:\n");
        for (GateResult gate : plan.gateResults()) {
            out.append("  ").append(gate.status().name().toLowerCase(Locale.ROOT)).append(' ').append(gate.gate())
                    .append(": ").append(gate.message()).append('\n');
        }
        Refusal refusal = plan.refusal();
        if (refusal != null) {
            out.append("\nRefused by the ").append(refusal.gate()).append(" gate at ").append(refusal.step().label())
                    .append(" (").append(refusal.step().operation().kind().id()).append("): ").append(refusal.message());
        }
        return StarterMessages.forStarter(out.toString());
    }

    /** The refusal in a sentence or two — the gate, the step, why, and what to change — for health and the endpoint. */
    static String refusal(Plan plan) {
        Refusal refusal = plan.refusal();
        if (refusal == null) {
            return null;
        }
        return StarterMessages.forStarter("Refused by the " + refusal.gate() + " gate at " + refusal.step().label() + " ("
                + refusal.step().operation().kind().id() + "): " + refusal.message() + ". " + fix(plan));
    }

    /** The property (or data fix) that gets past the refusing gate, and how to start despite it. */
    static String action(Plan plan) {
        Refusal refusal = plan.refusal();
        return refusal == null ? fix(plan) : fix(plan) + "\nOr set zanith.on-refusal=warn to start without the refused "
                + "migrations (they stay pending and show in /actuator/zanith).";
    }

    /** The property (or data fix) that gets past the refusing gate. */
    static String fix(Plan plan) {
        Refusal refusal = plan.refusal();
        if (refusal == null) {
            return "Nothing to change.";
        }
        String property = switch (refusal.gate()) {
            case GateResult.MAX_RISK -> "Raise zanith.max-risk to at least " + refusal.step().assessment().score()
                    + " (currently " + plan.gates().maxRisk() + "), or change the step to a safer form.";
            case GateResult.ALLOW_DESTRUCTIVE -> "Set zanith.allow-destructive=true to consent to steps that can lose data, "
                    + "or use the restorable form (softDropColumn / archiveColumn).";
            case GateResult.DENY_REASONS -> "Remove " + String.join(", ", refusal.step().assessment().reasonCodes())
                    + " from zanith.deny-reasons, or change the step.";
            default -> StarterMessages.forStarter(refusal.fix());
        };
        return property;
    }
}
