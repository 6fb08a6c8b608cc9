package dev.zanith.api.output.text;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.StatusReport;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;

import java.util.List;
import java.util.Map;

/**
 * A status as text (what {@code zanith status} and {@code mvn zanith:status} print): applied, baseline, restores,
 * pending, unfinished and failed migrations, files changed after apply, and who holds the apply lock.
 */
public final class StatusText {

    private StatusText() {
    }

    /** Prints {@code report}, one line per fact, to {@code out}. */
    public static void print(StatusReport report, TextOutput out) {
        out.println(out.style(report.target(), TextStyle.BOLD));
        if (!report.initialized()) {
            out.println("no audit tables yet: nothing has been applied here");
        }
        List<AppliedMigration> applied = report.applied();
        out.println("applied: " + Formats.plural(applied.size(), "migration") + (applied.isEmpty() ? ""
                : " (last: " + applied.get(applied.size() - 1).id() + " at " + applied.get(applied.size() - 1).appliedAt()
                + ")"));
        List<String> baselines = applied.stream().filter(AppliedMigration::baseline).map(AppliedMigration::id).toList();
        if (!baselines.isEmpty()) {
            out.println("baseline: " + String.join(", ", baselines) + " (migration files sorting at or before "
                    + (baselines.size() > 1 ? "the last of them" : "it") + " count as applied; zanith history lists it)");
        }
        List<AppliedMigration> restores = report.restores();
        if (!restores.isEmpty()) {
            out.println("restores: " + restores.size() + " (last: " + restores.get(restores.size() - 1).id() + " at "
                    + restores.get(restores.size() - 1).appliedAt() + "; zanith history lists them)");
        }
        List<Migration> pending = report.pending();
        if (pending == null) {
            out.println("pending: unknown (pass --migrations DIR)");
        } else {
            out.println("pending: " + Formats.plural(pending.size(), "migration"));
            for (Migration m : pending) {
                out.println("  " + m.id() + "  " + out.style(Formats.plural(m.operations().size(), "step"),
                        TextStyle.DIM));
            }
        }
        for (Map.Entry<String, List<StepRow>> entry : report.unfinishedByMigration().entrySet()) {
            out.println(unfinished(entry.getKey(), entry.getValue(), out));
        }
        for (String id : report.changed()) {
            out.println(out.style("changed after apply: " + id, TextStyle.RED)
                    + " (apply refuses; revert the file, or accept it: zanith repair --accept-checksum " + id + ")");
        }
        out.println("lock: " + report.lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
    }

    private static String unfinished(String id, List<StepRow> steps, Styler styler) {
        long done = steps.stream().filter(s -> s.status() == StepStatus.DONE).count();
        StepRow failed = steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst().orElse(null);
        StepRow running = steps.stream().filter(s -> s.status() == StepStatus.RUNNING).findFirst().orElse(null);
        String head = done + " of " + steps.size() + " steps done";
        if (failed != null) {
            return styler.style("failed: ", TextStyle.RED_BOLD) + id + " (" + head + "): step " + failed.stepIndex()
                    + " (" + failed.operationKind() + ")" + (failed.sqlState() != null ? " [" + failed.sqlState() + "]" : "")
                    + ": " + failed.error();
        }
        return styler.style("unfinished: ", TextStyle.YELLOW_BOLD) + id + " (" + head + ")"
                + (running != null ? ": step " + running.stepIndex() + " (" + running.operationKind()
                + ") running or interrupted" : "");
    }
}
