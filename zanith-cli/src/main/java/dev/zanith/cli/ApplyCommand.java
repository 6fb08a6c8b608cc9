package dev.zanith.cli;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.StepRisk;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.output.VerifyResult;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.SchemaGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "apply", description = "Apply the pending migrations, one audited step at a time, under an advisory "
        + "lock; resumes at the first step that is not done.")
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    GateOptions gates;

    @Mixin
    ApplyOptions options;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA256",
            description = "Refuse unless the live schema still has this fingerprint (from a reviewed plan).")
    String expectFingerprint;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "A plan saved with zanith plan --format json: refuse if the live schema changed since.")
    Path planFile;

    @Option(names = "--verify", description = "Rehearse on a shadow first (see --shadow); apply only if VERIFIED.")
    boolean verify;

    @Option(names = "--declared", paramLabel = "FILE", description = "With --verify: compare with this declared schema.")
    Path declared;

    @Mixin
    ShadowOptions shadow;

    private final Console console;

    ApplyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ZanithConfig config = options.applyTo(connection.configBuilder().migrations(migrations.source())
                .maxRisk(gates.maxRisk).allowDestructive(gates.allowDestructive).denyReasons(gates.denyReasons)).build();
        if (verify) {
            VerifyResult rehearsal = new Zanith(config).verify(declared, shadow.provider(config));
            console.println(VerifyReport.verdictLine(rehearsal, console));
            if (rehearsal.verdict() != dev.zanith.api.output.VerifyOutcome.VERIFIED
                    && rehearsal.verdict() != dev.zanith.api.output.VerifyOutcome.NOTHING_PENDING) {
                console.out().print(VerifyReport.text(rehearsal, console));
                console.error("apply refused, nothing was applied: verify says " + rehearsal.verdict()
                        + ". Fix the migrations (zanith verify shows the details) and apply again.");
                return ExitCodes.REFUSED;
            }
        }
        String fingerprint = expectFingerprint != null ? expectFingerprint : planFile != null ? fingerprintOf(planFile) : null;
        ApplyResult result = new Zanith(config).applyExpectingPlan(new Printer(), fingerprint);
        if (result.refused()) {
            console.error("apply refused, nothing was applied: " + result.refusal());
            return ExitCodes.REFUSED;
        }
        if (result.migrations().isEmpty()) {
            console.println("Nothing to apply: " + config.emptySourceNote().orElse("every migration has been applied."));
            return ExitCodes.OK;
        }
        if (!result.succeeded()) {
            String migrationId = result.migrations().stream().filter(m -> !m.applied()).map(m -> m.id() + " ")
                    .findFirst().orElse("");
            String file = result.migrations().stream().filter(m -> !m.applied()).findFirst()
                    .flatMap(m -> config.loadMigrations().stream().filter(f -> f.id().equals(m.id())).findFirst())
                    .map(m -> " in " + m.location()).orElse("");
            // a raw SQL step's error starts with the file and line of the failing statement and quotes it
            console.error("apply stopped: " + result.failedStep().map(s -> migrationId + "step " + s.stepIndex() + " ("
                    + s.operationKind() + ") failed" + (s.sqlState() != null ? " [" + s.sqlState() + "]" : "") + file
                    + " (" + s.summary() + "): " + s.error()).orElse("a step failed") + ". Fix the cause and run apply "
                    + "again: it resumes at the failed step.");
            return ExitCodes.ERROR;
        }
        console.println("Applied " + Formats.plural(result.appliedCount(), "migration") + ".");
        return ExitCodes.OK;
    }

    private static String fingerprintOf(Path planFile) {
        try {
            JsonNode plan = JsonMapper.builder().build().readTree(Files.readString(planFile));
            JsonNode fingerprint = plan.get("fingerprint");
            if (fingerprint == null || !fingerprint.isString()) {
                throw new ZanithConfigException(planFile + " has no \"fingerprint\": save a plan with zanith plan --format json.");
            }
            return fingerprint.asString();
        } catch (java.io.IOException e) {
            throw new ZanithConfigException("Cannot read --plan " + planFile + ": " + e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw new ZanithConfigException("--plan " + planFile + " is not a plan JSON: " + e.getOriginalMessage());
        }
    }

    /** Prints each step as it happens, and a backfill's progress (a bar on a terminal, a line every 5 s otherwise). */
    private final class Printer implements ApplyListener {

        private static final long REDRAW_NANOS = 100_000_000L;
        private static final long LINE_NANOS = 5_000_000_000L;

        private final Map<Integer, StepRisk> risks = new HashMap<>();
        private SchemaGraph before;
        private long lastProgress;
        private boolean barShown;

        @Override
        public void lockWaiting(LockHolder holder, Duration wait) {
            console.println(console.style("waiting up to " + Formats.millis(wait.toMillis())
                    + " for the apply lock held by " + holder.describe(), Console.Style.YELLOW));
        }

        @Override
        public void migrationStarted(Migration migration, int pendingSteps) {
            risks.clear();
            before = null;
            int total = migration.operations().size();
            console.println(console.style(migration.id(), Console.Style.BOLD) + " (" + Formats.plural(total, "step")
                    + (pendingSteps < total ? ", resuming: " + Formats.count(total - pendingSteps) + " done earlier" : "")
                    + ")");
        }

        @Override
        public void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
            if (phase == SnapshotPhase.BEFORE) {
                before = graph;
                return;
            }
            console.println("  snapshot: " + Formats.plural(graph.tables().size(), "model") + " · "
                    + Formats.plural(graph.columnCount(), "field") + (before == null ? ""
                    : console.style(" (before: " + Formats.plural(before.tables().size(), "model") + " · "
                    + Formats.plural(before.columnCount(), "field") + ")", Console.Style.DIM)));
        }

        @Override
        public void stepSkipped(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
            risks.put(stepIndex, risk);
            console.println(line(Sigils.SKIPPED, Console.Style.CYAN, stepIndex, operation, "done earlier"));
        }

        @Override
        public void stepStarted(Migration migration, int stepIndex, Operation operation, StepRisk risk) {
            risks.put(stepIndex, risk);
            lastProgress = 0;
            barShown = false;
        }

        @Override
        public void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt,
                                 int maxAttempts, Duration delay, String error) {
            clearBar();
            console.println(console.style(String.format(Locale.ROOT, "     lock timeout on attempt %d of %d, retrying in %s: %s",
                    failedAttempt, maxAttempts, Formats.millis(delay.toMillis()), firstLine(error)), Console.Style.YELLOW));
        }

        @Override
        public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
            long now = System.nanoTime();
            if (console.isTerminal()) {
                if (progress.finished() || now - lastProgress >= REDRAW_NANOS) {
                    lastProgress = now;
                    console.out().print("\r\u001B[K" + bar(stepIndex, progress));
                    console.out().flush();
                    barShown = true;
                }
            } else if (!progress.finished() && (lastProgress == 0 || now - lastProgress >= LINE_NANOS)) {
                if (lastProgress != 0) {
                    console.println("     " + progressText(progress));
                }
                lastProgress = now;
            }
        }

        @Override
        public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
            clearBar();
            console.println(line(Sigils.DONE, Console.Style.GREEN, stepIndex, operation, Formats.millis(durationMs)));
        }

        @Override
        public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
            clearBar();
            console.println(line(Sigils.FAILED, Console.Style.RED, stepIndex, operation, "failed"));
        }

        @Override
        public void migrationApplied(Migration migration, long durationMs) {
            console.println("  applied in " + Formats.millis(durationMs));
        }

        private void clearBar() {
            if (barShown) {
                console.out().print("\r\u001B[K");
                console.out().flush();
                barShown = false;
            }
        }

        private String line(String sigil, Console.Style style, int index, Operation operation, String tail) {
            StepRisk risk = risks.get(index);
            String riskText = risk == null ? "" : console.style(String.format(Locale.ROOT, "%-8s %3d  ",
                    risk.level(), risk.score()), Console.Style.BOLD);
            return "  " + console.style(sigil, style) + String.format(Locale.ROOT, " %02d %-20s ", index,
                    operation.kind().id()) + riskText + operation.summary() + "  " + console.style(tail, Console.Style.DIM);
        }

        private String bar(int stepIndex, BackfillProgress progress) {
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

        private String progressText(BackfillProgress p) {
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
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
