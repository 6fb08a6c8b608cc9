package dev.zanith.api.output.text;

import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.RawSqlObservation;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.Facts;
import dev.zanith.api.risk.TableLock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A plan as text (what {@code zanith plan} and {@code mvn zanith:plan} print): each pending migration with its steps,
 * their risk pills, reason codes, facts, preflight results and hints; the gates; the verdict with the refusal and
 * its fix. The plan's warnings go to {@link TextOutput#warn}.
 */
public final class PlanText {

    private PlanText() {
    }

    /**
     * Prints {@code plan}.
     *
     * @param emptyNote what to say when nothing is pending and the migration source explains why (a missing
     *                  directory, say); null for the usual "every migration has been applied."
     * @param observed  what raw SQL steps amounted to on a shadow ({@code plan --observe}), shown under their step
     */
    public static void print(Plan plan, @Nullable String emptyNote,
                             List<RawSqlObservation> observed, TextOutput out) {
        out.println(out.style("Plan", TextStyle.BOLD) + " · " + plan.database() + " on PostgreSQL "
                + plan.server() + " · " + out.style(plan.fingerprint().substring(0, Math.min(19,
                plan.fingerprint().length())) + "…", TextStyle.DIM) + (plan.readOnly() ? " · read-only" : ""));
        if (plan.isEmpty()) {
            out.println("Nothing to plan: " + (emptyNote != null ? emptyNote : "every migration has been applied."));
        } else {
            out.println(Formats.plural(plan.migrations().size(), "pending migration") + " · "
                    + Formats.plural(plan.toRun().size(), "step"));
        }
        for (MigrationPlan migration : plan.migrations()) {
            out.println("");
            out.println(out.style(migration.id(), TextStyle.BOLD) + out.style("  worst "
                    + migration.worstScore() + " · total " + migration.totalScore(), TextStyle.DIM));
            for (PlannedStep step : migration.steps()) {
                printStep(step, observed, out);
            }
        }
        out.println("");
        out.println(out.style("Gates", TextStyle.BOLD));
        int width = plan.gateResults().stream().mapToInt(g -> g.gate().length()).max().orElse(0);
        for (GateResult gate : plan.gateResults()) {
            String mark = switch (gate.status()) {
                case PASSED -> out.style(Sigils.DONE, TextStyle.GREEN);
                case REFUSED -> out.style(Sigils.FAILED, TextStyle.RED);
                case OFF -> out.style("-", TextStyle.DIM);
            };
            out.println("  " + mark + " " + String.format(Locale.ROOT, "%-" + width + "s", gate.gate()) + "  "
                    + gate.message());
        }
        plan.warnings().forEach(out::warn);
        out.println("");
        if (!plan.isEmpty()) {
            out.println("Worst " + RiskPills.of(out, plan.worstLevel(), plan.worstScore()) + " · total "
                    + plan.totalScore());
        }
        Refusal refusal = plan.refusal();
        if (refusal == null) {
            out.println(out.style("GREEN", TextStyle.GREEN_BOLD) + ": every gate passed. Nothing was written.");
            return;
        }
        out.println(out.style("REFUSED", TextStyle.RED_BOLD) + " by " + refusal.gate() + " at "
                + refusal.step().label() + " (" + refusal.step().operation().kind().id() + ")");
        out.println("  " + refusal.message());
        out.println("  fix: " + refusal.fix());
    }

    /**
     * The refusal in one line, for a failed build or a log: {@code REFUSED by GATE at STEP (KIND): MESSAGE. Fix: FIX}.
     */
    public static String refusalLine(Refusal refusal) {
        return "REFUSED by " + refusal.gate() + " at " + refusal.step().label() + " ("
                + refusal.step().operation().kind().id() + "): " + refusal.message() + ". Fix: " + refusal.fix();
    }

    private static void printStep(PlannedStep step, List<RawSqlObservation> observed, TextOutput out) {
        Assessment a = step.assessment();
        String sigil = step.done() ? out.style(Sigils.SKIPPED, TextStyle.CYAN) : Sigils.of(step.operation());
        String pill = RiskPills.of(out, a);
        String pad = " ".repeat(Math.max(1, 13 - RiskPills.width(a.level(), a.score())));
        out.println("  " + sigil + String.format(Locale.ROOT, " %02d %-20s ", step.stepIndex(),
                step.operation().kind().id()) + pill + pad + step.operation().summary()
                + (step.done() ? out.style("  (done earlier; apply resumes after it)", TextStyle.DIM) : ""));
        String indent = "       ";
        out.println(indent + out.style(String.join(" ", a.reasonCodes()), TextStyle.CYAN)
                + out.style(" · " + facts(a.facts()), TextStyle.DIM));
        for (String note : a.notes()) {
            out.println(indent + out.style(note, TextStyle.DIM));
        }
        for (PreflightResult r : step.preflight()) {
            String mark = switch (r.status()) {
                case PASSED -> out.style(Sigils.DONE, TextStyle.GREEN);
                case FAILED -> out.style(Sigils.FAILED, TextStyle.RED);
                case INCONCLUSIVE -> out.style("!", TextStyle.YELLOW);
                case SKIPPED, INFO -> out.style("i", TextStyle.DIM);
            };
            out.println(indent + mark + " preflight " + r.check().id() + ": " + r.message());
        }
        if (a.hint() != null) {
            out.println(indent + out.style("hint: " + a.hint(), TextStyle.YELLOW));
        }
        observed.stream().filter(o -> o.migrationId().equals(step.migrationId()) && o.stepIndex() == step.stepIndex())
                .forEach(o -> out.println(indent + out.style("observed on a shadow: ", TextStyle.BOLD)
                        + describe(o)));
    }

    /**
     * The raw SQL steps of a rehearsal for {@code plan --observe}; a step that fails on the shadow is reported as a
     * warning.
     */
    public static List<RawSqlObservation> observed(VerifyResult rehearsal, TextOutput out) {
        ObservedStep failed = rehearsal.failedStep();
        if (failed != null) {
            out.warn("--observe: step " + failed.stepIndex() + " of " + failed.migrationId()
                    + " fails on the shadow: " + failed.error());
        }
        return RawSqlObservation.of(rehearsal);
    }

    /** What a raw SQL step amounted to on a shadow, in one line (kinds · locks · rewrite · derived level). */
    public static String describe(RawSqlObservation o) {
        String locks = o.locks().isEmpty() ? "no table locks" : o.locks().entrySet().stream()
                .map(e -> e.getValue() + " on " + e.getKey()).collect(Collectors.joining(", "));
        return "amounts to " + (o.inferredKinds().isEmpty() ? "no schema change" : String.join(", ", o.inferredKinds()))
                + " · " + locks + " · " + (o.rewrites() ? "rewrites" : "no rewrite") + " · derived " + o.derivedLevel();
    }

    private static String facts(Facts f) {
        List<String> parts = new ArrayList<>();
        parts.add(f.locks().isEmpty() ? (f.rewrite() == null ? "locks unknown" : "no table lock")
                : f.locks().stream().map(TableLock::describe).collect(Collectors.joining(", ")));
        if (Boolean.TRUE.equals(f.rewrite())) {
            parts.add("rewrites");
        } else if (Boolean.TRUE.equals(f.scan())) {
            parts.add("scans");
        }
        if (!f.transactional()) {
            parts.add("outside a transaction");
        }
        if (Boolean.TRUE.equals(f.breaksClients())) {
            parts.add("breaks old clients");
        }
        if (f.canLoseData()) {
            parts.add("can lose data");
        }
        if (f.rewrite() == null) {
            parts.add("effects unknown");
        }
        return String.join(" · ", parts);
    }
}
