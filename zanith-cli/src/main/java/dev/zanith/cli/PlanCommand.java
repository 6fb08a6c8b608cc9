package dev.zanith.cli;

import dev.zanith.api.output.text.PlanText;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.Plan;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.RawSqlObservation;
import dev.zanith.api.output.PlanMarkdown;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                ? PlanText.observed(new Zanith(config).verify(null, shadow.provider(config)), console) : List.of();
        switch (format) {
            case json -> console.out().print(PlanJson.toJson(plan, observed));
            case markdown -> console.out().print(PlanMarkdown.render(plan) + observedMarkdown());
            case text -> PlanText.print(plan, config.emptySourceNote().orElse(null), observed, console);
        }
        console.out().flush();
        return plan.isGreen() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private String observedMarkdown() {
        if (observed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n**Raw SQL rehearsed on a shadow**\n\n");
        for (RawSqlObservation o : observed) {
            out.append("- `").append(o.migrationId()).append("` #").append(o.stepIndex()).append(": ")
                    .append(PlanText.describe(o).replace("|", "\\|")).append('\n');
        }
        return out.toString();
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
