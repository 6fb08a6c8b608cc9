package dev.zanith.cli;

import dev.zanith.api.output.text.BaselineText;
import dev.zanith.api.BaselineRequest;
import dev.zanith.api.output.BaselineResult;
import dev.zanith.Zanith;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "baseline", description = "Record the live schema as the starting point of a database Zanith has not "
        + "managed: a baseline row in the ledger and a before/after snapshot, nothing executed. Migration files whose "
        + "id sorts at or before the baseline's id count as applied from then on. Runs under the apply lock.")
final class BaselineCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Option(names = "--id", paramLabel = "ID",
            description = "The baseline's id: files sorting at or before it count as applied (e.g. V5__orders to take "
                    + "over after V5). Default: 0, which sorts before every migration id: no file counts as applied.")
    String id;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "Free text for the ledger row. Default: the number of tables and the schemas recorded.")
    String description;

    @Option(names = "--allow-history", description = "Record a baseline although the target already has Zanith "
            + "history (refused otherwise).")
    boolean allowHistory;

    @Option(names = "--yes", description = "Do not ask for confirmation (never asked without a terminal).")
    boolean yes;

    private final Console console;

    BaselineCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!yes && !console.confirm("Record the live schema as a baseline" + (id == null ? "" : " '" + id + "'")
                + "? Nothing is executed; migration files sorting at or before it will count as applied.")) {
            console.println("Nothing changed.");
            return ExitCodes.OK;
        }
        BaselineResult result = new Zanith(connection.configBuilder().migrations(migrations.source()).build())
                .baseline(new BaselineRequest(id, description, allowHistory));
        BaselineText.print(result, console);
        return ExitCodes.OK;
    }
}
