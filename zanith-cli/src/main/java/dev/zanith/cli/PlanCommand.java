package dev.zanith.cli;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.api.output.Plan;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.RawSqlObservation;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.PlanMarkdown;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.Facts;
import dev.zanith.api.risk.TableLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Classify every pending step, run the preflight data checks and apply the "
        + "gates — read-only: nothing in the database changes. Exit 0 GREEN, 3 REFUSED.")
final class PlanCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    GateOptions gates;

    @Option(names = "--format", defaultValue = "text", description = "text (for people), json (stable, for CI: "
            + "docs/PLAN-JSON.md) or markdown (a pull-request comment). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--observe", description = "Rehearse raw SQL steps on a shadow (see --shadow) and report what they "
            + "amount to: operation kinds, locks, rewrites and a derived level.")
    boolean observe;

    @Mixin
    ShadowOptions shadow;

    @Option(names = "--preflight-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Statement timeout of each preflight query, e.g. 30s, 500ms, 2m. Default: 30s.")
    Duration preflightTimeout;

    private final Console console;
    private List<RawSqlObservation> observed = List.of();

    PlanCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ZanithConfig.Builder builder = connection.configBuilder().migrations(migrations.source())
                .maxRisk(gates.maxRisk).allowDestructive(gates.allowDestructive).denyReasons(gates.denyReasons);
        if (preflightTimeout != null) {
            builder.preflightTimeout(preflightTimeout);
        }
        ZanithConfig config = builder.build();
        Plan plan = new Zanith(config).plan();
        observed = observe && plan.toRun().stream().anyMatch(s -> s.operation() instanceof RawSql)
                ? observeRawSql(config) : List.of();
        switch (format) {
            case json -> console.out().print(PlanJson.toJson(plan, observed));
            case markdown -> console.out().print(PlanMarkdown.render(plan) + observedMarkdown());
            case text -> printText(plan, config);
        }
        console.out().flush();
        return plan.isGreen() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private void printText(Plan plan, ZanithConfig config) {
        console.println(console.style("Plan", Console.Style.BOLD) + " · " + plan.database() + " on PostgreSQL "
                + plan.server() + " · " + console.style(plan.fingerprint().substring(0, Math.min(19,
                plan.fingerprint().length())) + "…", Console.Style.DIM) + (plan.readOnly() ? " · read-only" : ""));
        if (plan.isEmpty()) {
            console.println("Nothing to plan: " + config.emptySourceNote().orElse("every migration has been applied."));
        } else {
            console.println(Formats.plural(plan.migrations().size(), "pending migration") + " · "
                    + Formats.plural(plan.toRun().size(), "step"));
        }
        for (MigrationPlan migration : plan.migrations()) {
            console.println("");
            console.println(console.style(migration.id(), Console.Style.BOLD) + console.style("  worst "
                    + migration.worstScore() + " · total " + migration.totalScore(), Console.Style.DIM));
            for (PlannedStep step : migration.steps()) {
                printStep(step);
            }
        }
        console.println("");
        console.println(console.style("Gates", Console.Style.BOLD));
        int width = plan.gateResults().stream().mapToInt(g -> g.gate().length()).max().orElse(0);
        for (GateResult gate : plan.gateResults()) {
            String mark = switch (gate.status()) {
                case PASSED -> console.style(Sigils.DONE, Console.Style.GREEN);
                case REFUSED -> console.style(Sigils.FAILED, Console.Style.RED);
                case OFF -> console.style("-", Console.Style.DIM);
            };
            console.println("  " + mark + " " + String.format(Locale.ROOT, "%-" + width + "s", gate.gate()) + "  "
                    + gate.message());
        }
        plan.warnings().forEach(console::warn);
        console.println("");
        if (!plan.isEmpty()) {
            console.println("Worst " + RiskPills.of(console, plan.worstLevel(), plan.worstScore()) + " · total "
                    + plan.totalScore());
        }
        Refusal refusal = plan.refusal();
        if (refusal == null) {
            console.println(console.style("GREEN", Console.Style.GREEN_BOLD) + ": every gate passed. Nothing was written.");
            return;
        }
        console.println(console.style("REFUSED", Console.Style.RED_BOLD) + " by " + refusal.gate() + " at "
                + refusal.step().label() + " (" + refusal.step().operation().kind().id() + ")");
        console.println("  " + refusal.message());
        console.println("  fix: " + refusal.fix());
    }

    private void printStep(PlannedStep step) {
        Assessment a = step.assessment();
        String sigil = step.done() ? console.style(Sigils.SKIPPED, Console.Style.CYAN)
                : Sigils.of(step.operation());
        String pill = RiskPills.of(console, a);
        String pad = " ".repeat(Math.max(1, 13 - RiskPills.width(a.level(), a.score())));
        console.println("  " + sigil + String.format(Locale.ROOT, " %02d %-20s ", step.stepIndex(),
                step.operation().kind().id()) + pill + pad + step.operation().summary()
                + (step.done() ? console.style("  (done earlier; apply resumes after it)", Console.Style.DIM) : ""));
        String indent = "       ";
        console.println(indent + console.style(String.join(" ", a.reasonCodes()), Console.Style.CYAN)
                + console.style(" · " + facts(a.facts()), Console.Style.DIM));
        for (String note : a.notes()) {
            console.println(indent + console.style(note, Console.Style.DIM));
        }
        for (PreflightResult r : step.preflight()) {
            String mark = switch (r.status()) {
                case PASSED -> console.style(Sigils.DONE, Console.Style.GREEN);
                case FAILED -> console.style(Sigils.FAILED, Console.Style.RED);
                case INCONCLUSIVE -> console.style("!", Console.Style.YELLOW);
                case SKIPPED, INFO -> console.style("i", Console.Style.DIM);
            };
            console.println(indent + mark + " preflight " + r.check().id() + ": " + r.message());
        }
        if (a.hint() != null) {
            console.println(indent + console.style("hint: " + a.hint(), Console.Style.YELLOW));
        }
        observed.stream().filter(o -> o.migrationId().equals(step.migrationId()) && o.stepIndex() == step.stepIndex())
                .forEach(o -> console.println(indent + console.style("observed on a shadow: ", Console.Style.BOLD)
                        + describe(o)));
    }

    /** Rehearses the pending migrations on a shadow and keeps what the raw SQL steps did. */
    private List<RawSqlObservation> observeRawSql(ZanithConfig config) {
        VerifyResult result = new Zanith(config).verify(null, shadow.provider(config));
        if (result.failedStep() != null) {
            console.warn("--observe: step " + result.failedStep().stepIndex() + " of " + result.failedStep().migrationId()
                    + " fails on the shadow: " + result.failedStep().error());
        }
        List<RawSqlObservation> raw = new ArrayList<>();
        for (ObservedStep step : result.steps()) {
            if (step.operationKind().equals("rawSql") && !step.failed()) {
                Map<String, String> locks = new TreeMap<>();
                step.tableLocks().forEach((table, mode) -> locks.put(table, mode.sql()));
                raw.add(new RawSqlObservation(step.migrationId(), step.stepIndex(), step.inferredKinds(), locks,
                        step.rewrote(), step.derivedLevel()));
            }
        }
        return raw;
    }

    private static String describe(RawSqlObservation o) {
        String locks = o.locks().isEmpty() ? "no table locks" : o.locks().entrySet().stream()
                .map(e -> e.getValue() + " on " + e.getKey()).collect(Collectors.joining(", "));
        return "amounts to " + (o.inferredKinds().isEmpty() ? "no schema change" : String.join(", ", o.inferredKinds()))
                + " · " + locks + " · " + (o.rewrites() ? "rewrites" : "no rewrite") + " · derived " + o.derivedLevel();
    }

    private String observedMarkdown() {
        if (observed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n**Raw SQL rehearsed on a shadow**\n\n");
        for (RawSqlObservation o : observed) {
            out.append("- `").append(o.migrationId()).append("` #").append(o.stepIndex()).append(": ")
                    .append(describe(o).replace("|", "\\|")).append('\n');
        }
        return out.toString();
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

    /** "30s", "500ms", "2m" or plain seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 30s, 500ms or 2m");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
