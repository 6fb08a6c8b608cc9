package dev.zanith.cli;

import dev.zanith.api.output.text.StatusJson;
import dev.zanith.api.output.text.Json;
import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Formats;
import dev.zanith.api.output.text.Sigils;
import dev.zanith.api.output.HistoryEntry;
import dev.zanith.Zanith;
import dev.zanith.api.output.ChecksumRepair;
import dev.zanith.api.output.StepRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "history", description = "Every applied migration in order (then unfinished ones), from the audit "
        + "tables. Read-only.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-v", "--verbose"}, description = "Show every step: status, risk, duration, attempts, error.")
    boolean verbose;

    @Option(names = "--format", defaultValue = "text",
            description = "text or json (json always includes the steps). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    private final Console console;

    HistoryCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<HistoryEntry> entries = new Zanith(connection.configBuilder().build()).history();
        if (format == OutputFormat.json) {
            List<Object> json = new ArrayList<>();
            for (HistoryEntry entry : entries) {
                json.add(entryJson(entry));
            }
            console.out().print(Json.write(json));
            console.out().flush();
            return ExitCodes.OK;
        }
        if (entries.isEmpty()) {
            console.println("No migrations have been applied here yet.");
            return ExitCodes.OK;
        }
        if (!verbose) {
            TextTable table = new TextTable("MIGRATION", "KIND", "STATUS", "APPLIED AT", "DURATION", "STEPS", "WORST RISK",
                    "TOTAL RISK").rightAlign(4, 5, 7);
            for (HistoryEntry entry : entries) {
                table.add(entry.id(), entry.kind(), entry.status(), entry.applied() == null ? "-" : entry.applied().appliedAt(),
                        entry.applied() == null ? "-" : Formats.millis(entry.applied().durationMs()), entry.steps().size(),
                        entry.worstStep().map(s -> s.riskLevel() + " " + s.riskScore()).orElse("-"),
                        entry.worstStep().isPresent() ? entry.totalRisk() : "-");
            }
            console.out().print(table.render());
            console.out().flush();
            return ExitCodes.OK;
        }
        for (HistoryEntry entry : entries) {
            String when = entry.applied() == null ? entry.status()
                    : "applied " + entry.applied().appliedAt() + " by " + entry.applied().appliedBy() + " in "
                    + Formats.millis(entry.applied().durationMs());
            console.println(console.style(entry.id(), TextStyle.BOLD) + "  " + when
                    + entry.worstStep().map(s -> "  worst risk " + s.riskLevel() + " " + s.riskScore() + ", total "
                    + entry.totalRisk()).orElse(""));
            if (entry.applied() != null) {
                console.println(console.style("  checksum " + entry.applied().checksum(), TextStyle.DIM));
                for (ChecksumRepair repair : entry.applied().repairs()) {
                    console.println(console.style("  checksum accepted " + repair.at() + " by " + repair.by()
                            + " (was " + repair.previous() + ")", TextStyle.YELLOW));
                }
            }
            for (StepRow step : entry.steps()) {
                String sigil = switch (step.status()) {
                    case DONE -> console.style(Sigils.DONE, TextStyle.GREEN);
                    case FAILED -> console.style(Sigils.FAILED, TextStyle.RED);
                    default -> console.style("·", TextStyle.DIM);
                };
                console.println("  " + sigil + String.format(Locale.ROOT, " %02d %-20s %-8s", step.stepIndex(),
                        step.operationKind(), step.status().value())
                        + (step.riskLevel() == null ? "" : " " + step.riskLevel() + " " + step.riskScore())
                        + (step.durationMs() == null ? "" : "  " + Formats.millis(step.durationMs()))
                        + (step.attempts() > 1 ? "  " + step.attempts() + " attempts" : "")
                        + (step.summary() == null ? "" : "  " + console.style(step.summary(), TextStyle.DIM)));
                if (!step.reasons().isEmpty()) {
                    console.println("       reasons: " + String.join(", ", step.reasons()));
                }
                if (step.error() != null) {
                    console.println(console.style("       " + (step.sqlState() == null ? "" : "[" + step.sqlState() + "] ")
                            + step.error(), TextStyle.RED));
                }
            }
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> entryJson(HistoryEntry entry) {
        return Json.object("id", entry.id(), "kind", entry.kind(), "status", entry.status(),
                "appliedAt", entry.applied() == null ? null : entry.applied().appliedAt(),
                "appliedBy", entry.applied() == null ? null : entry.applied().appliedBy(),
                "durationMs", entry.applied() == null ? null : entry.applied().durationMs(),
                "checksum", entry.applied() == null ? null : entry.applied().checksum(),
                "repairs", entry.applied() == null ? List.of() : entry.applied().repairs().stream().map(r -> Json.object(
                        "at", r.at(), "by", r.by(), "previous", r.previous(), "accepted", r.accepted(),
                        "location", r.location())).toList(),
                "worstRiskScore", entry.worstStep().map(StepRow::riskScore).orElse(null),
                "worstRiskLevel", entry.worstStep().map(StepRow::riskLevel).orElse(null),
                "totalRiskScore", entry.totalRisk(),
                "steps", entry.steps().stream().map(StatusJson::step).toList());
    }
}
