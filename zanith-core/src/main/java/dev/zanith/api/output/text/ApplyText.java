package dev.zanith.api.output.text;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.schema.SchemaGraph;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An apply as text, as it happens (what {@code zanith apply} and {@code mvn zanith:apply} print): each migration,
 * each step with its risk and duration, lock waits and retries, snapshots, and a backfill's progress (a bar redrawn
 * in place on a terminal, a line every 5 s otherwise); and the line apply ends with. One instance per apply.
 */
public final class ApplyText implements ApplyListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final TextOutput out;
    private final Map<Integer, StepRisk> risks = new HashMap<>();
    private @Nullable SchemaGraph before;
    private long lastProgress;
    private boolean barShown;

    /** A listener printing to {@code out}; give it to one apply only (it keeps the current step's state). */
    public ApplyText(TextOutput out) {
        this.out = out;
    }

    /** {@code apply refused, nothing was applied: REFUSAL} for an apply the gates refused. */
    public static String refused(ApplyResult result) {
        return "apply refused, nothing was applied: " + result.refusal();
    }

    /** Why an apply with a rehearsal ({@code --verify}) did not start: the rehearsal's verdict. */
    public static String verifyRefused(VerifyResult rehearsal) {
        return "apply refused, nothing was applied: verify says " + rehearsal.verdict()
                + ". Fix the migrations (zanith verify shows the details) and apply again.";
    }

    /**
     * Where and why an apply stopped at a failed step: the migration, step, operation kind, SQLSTATE, file and
     * PostgreSQL's error (a raw SQL step's error starts with the file and line of the failing statement).
     *
     * @param migrationFiles the configured migration files, to name the failed migration's file
     */
    public static String stopped(ApplyResult result, List<Migration> migrationFiles) {
        String migrationId = result.migrations().stream().filter(m -> !m.applied()).map(m -> m.id() + " ")
                .findFirst().orElse("");
        String file = result.migrations().stream().filter(m -> !m.applied()).findFirst()
                .flatMap(m -> migrationFiles.stream().filter(f -> f.id().equals(m.id())).findFirst())
                .map(m -> " in " + m.location()).orElse("");
        return "apply stopped: " + result.failedStep().map(s -> migrationId + "step " + s.stepIndex() + " ("
                + s.operationKind() + ") failed" + (s.sqlState() != null ? " [" + s.sqlState() + "]" : "") + file
                + " (" + s.summary() + "): " + s.error()).orElse("a step failed") + ". Fix the cause and run apply "
                + "again: it resumes at the failed step.";
    }

    /**
     * The line a successful apply ends with: {@code Applied 2 migrations.}, or {@code Nothing to apply: …}.
     *
     * @param emptyNote why nothing is pending when the migration source explains it, else null
     */
    public static String done(ApplyResult result, @Nullable String emptyNote) {
        if (result.migrations().isEmpty()) {
            return "Nothing to apply: " + (emptyNote != null ? emptyNote : "every migration has been applied.");
        }
        return "Applied " + Formats.plural(result.appliedCount(), "migration") + ".";
    }

    @Override
    public void lockWaiting(LockHolder holder, Duration wait) {
        out.println(out.style("waiting up to " + Formats.millis(wait.toMillis())
                + " for the apply lock held by " + holder.describe(), TextStyle.YELLOW));
    }

    @Override
    public void migrationStarted(Migration migration, int pendingSteps) {
        risks.clear();
        before = null;
        int total = migration.operations().size();
        out.println(out.style(migration.id(), TextStyle.BOLD) + " (" + Formats.plural(total, "step")
                + (pendingSteps < total ? ", resuming: " + Formats.count(total - pendingSteps) + " done earlier" : "")
                + ")");
    }

    @Override
    public void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
        if (phase == SnapshotPhase.BEFORE) {
            before = graph;
            return;
        }
        SchemaGraph earlier = before;
        out.println("  snapshot: " + Formats.plural(graph.tables().size(), "model") + " · "
                + Formats.plural(graph.columnCount(), "field") + (earlier == null ? ""
                : out.style(" (before: " + Formats.plural(earlier.tables().size(), "model") + " · "
                + Formats.plural(earlier.columnCount(), "field") + ")", TextStyle.DIM)));
    }

    @Override
    public void stepSkipped(Migration migration, int stepIndex, Operation operation, @Nullable StepRisk risk) {
        if (risk != null) {
            risks.put(stepIndex, risk);
        }
        out.println(line(Sigils.SKIPPED, TextStyle.CYAN, stepIndex, operation, "done earlier"));
    }

    @Override
    public void stepStarted(Migration migration, int stepIndex, Operation operation, @Nullable StepRisk risk) {
        if (risk != null) {
            risks.put(stepIndex, risk);
        }
        lastProgress = 0;
        barShown = false;
    }

    @Override
    public void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt,
                             int maxAttempts, Duration delay, String error) {
        clearBar();
        out.println(out.style(String.format(Locale.ROOT, "     lock timeout on attempt %d of %d, retrying in %s: %s",
                failedAttempt, maxAttempts, Formats.millis(delay.toMillis()), firstLine(error)), TextStyle.YELLOW));
    }

    @Override
    public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
        long now = System.nanoTime();
        if (out.isTerminal()) {
            if (progress.finished() || now - lastProgress >= REDRAW_NANOS) {
                lastProgress = now;
                out.printInline("\r\u001B[K" + bar(stepIndex, progress));
                barShown = true;
            }
        } else if (!progress.finished() && (lastProgress == 0 || now - lastProgress >= LINE_NANOS)) {
            if (lastProgress != 0) {
                out.println("     " + progressText(progress));
            }
            lastProgress = now;
        }
    }

    @Override
    public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
        clearBar();
        out.println(line(Sigils.DONE, TextStyle.GREEN, stepIndex, operation, Formats.millis(durationMs)));
    }

    @Override
    public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
        clearBar();
        out.println(line(Sigils.FAILED, TextStyle.RED, stepIndex, operation, "failed"));
    }

    @Override
    public void migrationApplied(Migration migration, long durationMs) {
        out.println("  applied in " + Formats.millis(durationMs));
    }

    private void clearBar() {
        if (barShown) {
            out.printInline("\r\u001B[K");
            barShown = false;
        }
    }

    private String line(String sigil, TextStyle style, int index, Operation operation, String tail) {
        StepRisk risk = risks.get(index);
        String riskText = risk == null ? "" : out.style(String.format(Locale.ROOT, "%-8s %3d  ",
                risk.level(), risk.score()), TextStyle.BOLD);
        return "  " + out.style(sigil, style) + String.format(Locale.ROOT, " %02d %-20s ", index,
                operation.kind().id()) + riskText + operation.summary() + "  " + out.style(tail, TextStyle.DIM);
    }

    private static String bar(int stepIndex, BackfillProgress progress) {
        double fraction = progress.fraction();
        int width = 24;
        String bar;
        if (fraction < 0) {
            bar = "[" + "?".repeat(width) + "]";
        } else {
            int filled = (int) Math.round(fraction * width);
            bar = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", (int) Math.round(fraction * 100));
        }
        return String.format(Locale.ROOT, "  %s %02d backfill %s ", "⋯", stepIndex, bar) + progressText(progress);
    }

    private static String progressText(BackfillProgress p) {
        StringBuilder out = new StringBuilder("backfill ").append(p.table()).append(": ")
                .append(Formats.count(p.processedRows()));
        if (p.estimatedTotal() != null) {
            out.append(" of ~").append(Formats.count(p.estimatedTotal()));
        }
        out.append(" rows, ").append(Formats.count(Math.round(p.rowsPerSecond()))).append(" rows/s");
        if (p.eta() != null) {
            out.append(", ETA ").append(Formats.millis(p.eta().toMillis()));
        }
        return out.toString();
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
