package dev.zanith.cli;

import dev.zanith.api.output.RepairResult;
import dev.zanith.Zanith;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "repair", description = "Fix the migrations ledger deliberately. --accept-checksum ID accepts the "
        + "current content of an applied migration file that was edited (recorded in the ledger row's repairs).")
final class RepairCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Option(names = "--accept-checksum", required = true, paramLabel = "ID",
            description = "The id of the applied migration whose edited file to accept.")
    String acceptChecksum;

    @Option(names = "--yes", description = "Do not ask for confirmation (never asked without a terminal).")
    boolean yes;

    private final Console console;

    RepairCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!yes && !console.confirm("Accept the current content of " + acceptChecksum
                + " as what was applied? The previous checksum stays in the ledger's repairs column.")) {
            console.println("Nothing changed.");
            return ExitCodes.OK;
        }
        RepairResult result = new Zanith(connection.configBuilder().migrations(migrations.source()).build())
                .acceptChecksum(acceptChecksum);
        if (!result.changed()) {
            console.println("Nothing to repair: the ledger already matches " + result.location() + ".");
            return ExitCodes.OK;
        }
        console.println("Accepted " + result.location() + ": checksum " + result.previous() + " -> " + result.accepted()
                + " (recorded in the ledger's repairs column).");
        return ExitCodes.OK;
    }
}
