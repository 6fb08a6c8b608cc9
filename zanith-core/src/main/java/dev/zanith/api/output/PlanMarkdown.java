package dev.zanith.api.output;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.TableLock;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A plan as a pull-request comment: verdict, one table row per step, the gates. */
public final class PlanMarkdown {

    private PlanMarkdown() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("## Zanith plan: ").append(plan.isGreen() ? "✅ GREEN" : "⛔ REFUSED").append("\n\n")
                .append('`').append(plan.database()).append("` on PostgreSQL ").append(plan.server())
                .append(" · fingerprint `").append(shortFingerprint(plan.fingerprint())).append("` · ")
                .append(plural(plan.migrations().size(), "pending migration")).append(", ")
                .append(plural(plan.toRun().size(), "step")).append(" · worst **").append(plan.worstLevel().id())
                .append(' ').append(plan.worstScore()).append("** · total ").append(plan.totalScore()).append("\n\n");
        Refusal refusal = plan.refusal();
        if (refusal != null) {
            out.append("> **Refused by `").append(refusal.gate()).append("`**: ").append(cell(refusal.message()))
                    .append("  \n> **Fix:** ").append(cell(refusal.fix())).append("\n\n");
        }
        if (!plan.steps().isEmpty()) {
            out.append("| step | operation | risk | reasons | locks | preflight |\n|---|---|---|---|---|---|\n");
            for (PlannedStep step : plan.steps()) {
                Assessment a = step.assessment();
                out.append("| `").append(step.migrationId()).append("` #").append(step.stepIndex())
                        .append(step.done() ? " (done)" : "").append(" | `").append(step.operation().kind().id())
                        .append("` ").append(cell(step.operation().summary())).append(" | **").append(a.level().id())
                        .append(' ').append(a.score()).append("** | ")
                        .append(a.reasonCodes().stream().map(r -> "`" + r + "`").collect(Collectors.joining(" ")))
                        .append(" | ").append(cell(locks(a.facts().locks()))).append(" | ")
                        .append(cell(preflight(step.preflight()))).append(" |\n");
            }
            out.append('\n');
        }
        out.append("| gate | result | detail |\n|---|---|---|\n");
        for (GateResult gate : plan.gateResults()) {
            out.append("| ").append(gate.gate()).append(" | ").append(switch (gate.status()) {
                case PASSED -> "✅ passed";
                case REFUSED -> "⛔ refused";
                case OFF -> "off";
            }).append(" | ").append(cell(gate.message())).append(" |\n");
        }
        if (!plan.warnings().isEmpty()) {
            out.append("\n**Warnings**\n\n");
            plan.warnings().forEach(w -> out.append("- ").append(cell(w)).append('\n'));
        }
        return out.toString();
    }

    static String locks(List<TableLock> locks) {
        return locks.isEmpty() ? "—" : locks.stream().map(TableLock::describe).collect(Collectors.joining("; "));
    }

    private static String preflight(List<PreflightResult> results) {
        if (results.isEmpty()) {
            return "—";
        }
        return results.stream().map(r -> switch (r.status()) {
            case PASSED -> "✅ " + r.message();
            case FAILED -> "⛔ " + r.message();
            case SKIPPED -> "➖ " + r.check().id() + ": " + r.message();
            case INCONCLUSIVE -> "⚠️ " + r.check().id() + ": " + r.message();
            case INFO -> "ℹ️ " + r.message();
        }).collect(Collectors.joining("<br>"));
    }

    private static String cell(@Nullable String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shortFingerprint(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
