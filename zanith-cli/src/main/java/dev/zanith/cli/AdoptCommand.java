package dev.zanith.cli;

import dev.zanith.api.output.text.Json;
import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Sigils;
import dev.zanith.api.AdoptRequest;
import dev.zanith.api.output.MigrationTool;
import dev.zanith.api.output.AdoptEntry;
import dev.zanith.api.output.AdoptOutcome;
import dev.zanith.api.output.AdoptResult;
import dev.zanith.Zanith;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "adopt", description = "Take over Flyway's or Liquibase's history: every migration the tool ran becomes "
        + "an adopted row of Zanith's ledger (original time, user, duration), after checking it against the files. A dry "
        + "run unless --execute; runs under the apply lock; idempotent; the tool's table is only read.",
        subcommands = {AdoptCommand.Flyway.class, AdoptCommand.Liquibase.class})
final class AdoptCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: flyway or liquibase.");
    }

    /** What both subcommands share. */
    static final class Common {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        MigrationOptions migrations;

        @Option(names = "--execute", description = "Write the adopted rows (without it, only report what would be "
                + "written).")
        boolean execute;

        @Option(names = "--yes", description = "Do not ask for confirmation (never asked without a terminal).")
        boolean yes;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;
    }

    @Command(name = "flyway", description = "Adopt flyway_schema_history: versioned SQL rows are checked with Flyway's "
            + "checksum recomputed from the file (else by version and description, said so); V1__init.sql is the "
            + "Zanith migration V1__init. Repeatable, failed and baseline rows are reported, not adopted.")
    static final class Flyway implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--flyway-schema", paramLabel = "SCHEMA",
                description = "Schema of Flyway's history table. Default: the first of --schemas.")
        String schema;

        @Option(names = "--flyway-table", paramLabel = "TABLE", defaultValue = "flyway_schema_history",
                description = "Flyway's history table. Default: ${DEFAULT-VALUE}.")
        String table;

        private final Console console;

        Flyway(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            return adopt(console, common, MigrationTool.FLYWAY, schema, table);
        }
    }

    @Command(name = "liquibase", description = "Adopt DATABASECHANGELOG: every changeset that ran (EXECUTED, RERAN, "
            + "MARK_RAN) becomes the ledger row liquibase:<filename>::<id>::<author>, matched by id, author and file "
            + "name (Liquibase's MD5SUM kept as recorded). FAILED and SKIPPED rows are reported, not adopted.")
    static final class Liquibase implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--liquibase-schema", paramLabel = "SCHEMA",
                description = "Schema of Liquibase's change log table. Default: the first of --schemas.")
        String schema;

        @Option(names = "--liquibase-table", paramLabel = "TABLE", defaultValue = "databasechangelog",
                description = "Liquibase's change log table. Default: ${DEFAULT-VALUE}.")
        String table;

        private final Console console;

        Liquibase(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            return adopt(console, common, MigrationTool.LIQUIBASE, schema, table);
        }
    }

    private static int adopt(Console console, Common common, MigrationTool tool, String schema, String table) {
        if (common.execute && !common.yes && !console.confirm("Record what " + tool.id() + " ran as adopted "
                + "migrations in Zanith's ledger? The " + tool.id() + " table is not changed.")) {
            console.println("Nothing changed.");
            return ExitCodes.OK;
        }
        Zanith zanith = new Zanith(common.connection.configBuilder().migrations(common.migrations.source()).build());
        AdoptResult result = zanith.adopt(new AdoptRequest(tool, schema, table, common.execute));
        int code = result.with(AdoptOutcome.PROBLEM).isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        if (common.format == OutputFormat.json) {
            console.out().print(Json.write(json(result)));
            console.out().flush();
            return code;
        }
        console.println(console.style(result.tool().displayName(),
                TextStyle.BOLD) + " history " + result.historyTable() + " on " + result.target() + (result.executed()
                ? ": recorded in Zanith's ledger." : common.execute ? ": nothing new to record."
                : " (dry run: nothing written; add --execute to record it):"));
        for (AdoptEntry entry : result.entries()) {
            String sigil = switch (entry.outcome()) {
                case ADOPT -> console.style(Sigils.DONE, TextStyle.GREEN);
                case ALREADY_RECORDED -> console.style("=", TextStyle.DIM);
                case REPORTED -> console.style("·", TextStyle.YELLOW);
                case PROBLEM -> console.style(Sigils.FAILED, TextStyle.RED);
            };
            console.println("  " + sigil + " " + entry.source() + (entry.migrationId() == null ? ""
                    : "  ->  " + entry.migrationId()));
            console.println(console.style("      " + label(entry.outcome(), result.executed()) + entry.how()
                    + (entry.installedAt() == null ? "" : "; ran " + entry.installedAt()), TextStyle.DIM));
        }
        console.println(result.with(AdoptOutcome.ADOPT).size() + (result.executed() ? " adopted, " : " to adopt, ")
                + result.with(AdoptOutcome.ALREADY_RECORDED).size() + " already recorded, "
                + result.with(AdoptOutcome.REPORTED).size() + " reported, "
                + result.with(AdoptOutcome.PROBLEM).size() + " problem(s).");
        console.println("Pending" + (result.executed() ? "" : " after adoption") + ": "
                + (result.pending().isEmpty() ? "nothing" : String.join(", ", result.pending())));
        if (code != ExitCodes.OK) {
            console.error("fix the problems above (restore the files as they ran, or point --migrations at the "
                    + "directory the tool ran them from); --execute writes nothing while there are any.");
        }
        return code;
    }

    private static String label(AdoptOutcome outcome, boolean executed) {
        return switch (outcome) {
            case ADOPT -> executed ? "adopted: " : "to adopt: ";
            case ALREADY_RECORDED -> "";
            case REPORTED -> "not adopted: ";
            case PROBLEM -> "problem: ";
        };
    }

    static Map<String, Object> json(AdoptResult result) {
        List<Object> entries = result.entries().stream().<Object>map(e -> Json.object("source", e.source(),
                "migrationId", e.migrationId(), "outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "how", e.how(), "installedAt", e.installedAt())).toList();
        return Json.object("tool", result.tool().id(), "historyTable", result.historyTable(), "target", result.target(),
                "executed", result.executed(), "entries", entries, "pending", result.pending());
    }
}
