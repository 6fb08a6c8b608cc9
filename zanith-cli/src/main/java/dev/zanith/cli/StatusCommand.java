package dev.zanith.cli;

import dev.zanith.api.output.text.StatusText;
import dev.zanith.api.output.StatusReport;
import dev.zanith.Zanith;
import dev.zanith.api.output.AppliedMigration;
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
        StatusText.print(report, console);
        return ExitCodes.OK;
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
