package dev.zanith.cli;

import dev.zanith.api.output.StatusReport;
import dev.zanith.Zanith;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.api.migration.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Applied, pending and failed migrations, and who holds the apply lock. Read-only.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    private final Console console;

    StatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        StatusReport report = new Zanith(connection.configBuilder().migrations(migrations.source()).build()).status();
        if (format == OutputFormat.json) {
            console.out().print(Json.write(json(report)));
            console.out().flush();
            return ExitCodes.OK;
        }
        console.println(console.style(report.target(), Console.Style.BOLD));
        if (!report.initialized()) {
            console.println("no audit tables yet: nothing has been applied here");
        }
        List<AppliedMigration> applied = report.applied();
        console.println("applied: " + Formats.plural(applied.size(), "migration") + (applied.isEmpty() ? ""
                : " (last: " + applied.get(applied.size() - 1).id() + " at " + applied.get(applied.size() - 1).appliedAt()
                + ")"));
        List<String> baselines = applied.stream().filter(AppliedMigration::baseline).map(AppliedMigration::id).toList();
        if (!baselines.isEmpty()) {
            console.println("baseline: " + String.join(", ", baselines) + " (migration files sorting at or before "
                    + (baselines.size() > 1 ? "the last of them" : "it") + " count as applied; zanith history lists it)");
        }
        List<AppliedMigration> restores = report.restores();
        if (!restores.isEmpty()) {
            console.println("restores: " + restores.size() + " (last: " + restores.get(restores.size() - 1).id() + " at "
                    + restores.get(restores.size() - 1).appliedAt() + "; zanith history lists them)");
        }
        if (report.pending() == null) {
            console.println("pending: unknown (pass --migrations DIR)");
        } else {
            console.println("pending: " + Formats.plural(report.pending().size(), "migration"));
            for (Migration m : report.pending()) {
                console.println("  " + m.id() + "  " + console.style(Formats.plural(m.operations().size(), "step"),
                        Console.Style.DIM));
            }
        }
        for (Map.Entry<String, List<StepRow>> entry : report.unfinishedByMigration().entrySet()) {
            console.println(unfinished(entry.getKey(), entry.getValue()));
        }
        for (String id : report.changed()) {
            console.println(console.style("changed after apply: " + id, Console.Style.RED)
                    + " (apply refuses; revert the file, or accept it: zanith repair --accept-checksum " + id + ")");
        }
        console.println("lock: " + report.lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
        return ExitCodes.OK;
    }

    private String unfinished(String id, List<StepRow> steps) {
        long done = steps.stream().filter(s -> s.status() == StepStatus.DONE).count();
        StepRow failed = steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst().orElse(null);
        StepRow running = steps.stream().filter(s -> s.status() == StepStatus.RUNNING).findFirst().orElse(null);
        String head = done + " of " + steps.size() + " steps done";
        if (failed != null) {
            return console.style("failed: ", Console.Style.RED_BOLD) + id + " (" + head + "): step " + failed.stepIndex()
                    + " (" + failed.operationKind() + ")" + (failed.sqlState() != null ? " [" + failed.sqlState() + "]" : "")
                    + ": " + failed.error();
        }
        return console.style("unfinished: ", Console.Style.YELLOW_BOLD) + id + " (" + head + ")"
                + (running != null ? ": step " + running.stepIndex() + " (" + running.operationKind()
                + ") running or interrupted" : "");
    }

    private static Map<String, Object> json(StatusReport report) {
        List<Object> applied = new ArrayList<>();
        for (AppliedMigration m : report.applied()) {
            applied.add(Json.object("id", m.id(), "kind", m.kind().value(), "appliedAt", m.appliedAt(),
                    "checksum", m.checksum(), "durationMs", m.durationMs()));
        }
        List<Object> restores = new ArrayList<>();
        for (AppliedMigration m : report.restores()) {
            restores.add(Json.object("id", m.id(), "appliedAt", m.appliedAt(), "description", m.description(),
                    "durationMs", m.durationMs()));
        }
        List<Object> unfinished = new ArrayList<>();
        report.unfinishedByMigration().forEach((id, steps) -> unfinished.add(Json.object("id", id,
                "steps", steps.stream().map(HistoryCommand::stepJson).toList())));
        return Json.object("target", report.target(), "initialized", report.initialized(), "applied", applied, "restores", restores,
                "pending", report.pending() == null ? null : report.pending().stream().map(Migration::id).toList(),
                "unfinished", unfinished, "changed", report.changed(),
                "lockHolder", report.lockHolder().map(h -> Json.object("pid", h.pid(), "applicationName",
                        h.applicationName(), "user", h.user(), "clientAddress", h.clientAddress(), "since", h.since()))
                        .orElse(null));
    }
}
