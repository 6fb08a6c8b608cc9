package dev.zanith.cli;

import dev.zanith.api.output.text.Json;
import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Formats;
import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactFilter;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.api.output.CleanupResult;
import dev.zanith.api.output.ExportFormat;
import dev.zanith.api.output.ExportResult;
import dev.zanith.api.output.Inspection;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RecoverJson;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.api.schema.QualifiedNames;
import dev.zanith.api.schema.TableStatistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "The recovery artifacts destructive steps leave (soft drops, archives, "
        + "rebuilds): list, inspect, restore, export, purge and clean them up.",
        subcommands = {RecoverCommand.ListArtifacts.class, RecoverCommand.Inspect.class, RecoverCommand.RestoreColumn.class,
                RecoverCommand.RestoreTable.class, RecoverCommand.Export.class, RecoverCommand.Purge.class,
                RecoverCommand.Cleanup.class},
        footer = {"", "Artifact ids: <migration id>::<type>::<schema>.<table>[.<column>] (recover list shows them).",
                "Exit codes: 0 success · 1 error (e.g. a restore refused by a conflict) · 2 usage.", "Docs: docs/RECOVER.md"})
final class RecoverCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, inspect ID, "
                + "restore-column TABLE.COLUMN, restore-table TABLE, export ID, purge ID or cleanup.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every artifact, newest first (oldest last). Purged ones are gone.")
    static final class ListArtifacts implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--table", paramLabel = "TABLE", description = "Only artifacts of this table (table or schema.table).")
        String table;

        @Option(names = "--column", paramLabel = "COLUMN", description = "Only artifacts of this column.")
        String column;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only this type: soft_drop_column, soft_drop_table, "
                + "archive_column, archive_table or rebuild_table.")
        String type;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        ListArtifacts(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Zanith zanith = new Zanith(connection.configBuilder().build());
            String schema = null;
            String name = null;
            if (table != null) {
                List<String> parts = tableParts(table);
                schema = parts.size() == 2 ? parts.get(0) : zanith.config().schemas().get(0);
                name = parts.get(parts.size() - 1);
            }
            List<Artifact> artifacts = zanith.artifacts(new ArtifactFilter(schema, name, column,
                    type == null ? null : ArtifactType.parse(type)));
            if (format == OutputFormat.json) {
                console.out().print(Json.write(artifacts.stream().map(RecoverJson::artifact).toList()));
                console.out().flush();
                return ExitCodes.OK;
            }
            if (artifacts.isEmpty()) {
                console.println(table == null && type == null && column == null
                        ? "No recovery artifacts: soft drops, archives and rebuilds record one when apply runs them."
                        : "No recovery artifacts match.");
                return ExitCodes.OK;
            }
            TextTable out = new TextTable("ID", "TYPE", "STATUS", "SOURCE", "PHYSICAL NAME", "ROWS", "SIZE", "CREATED",
                    "EXPIRES").rightAlign(5, 6);
            for (Artifact a : artifacts) {
                out.add(a.id(), a.type().id(), a.status().value(), a.sourceName(), a.physicalName(),
                        a.rowCount() == null ? "-" : Formats.count(a.rowCount()),
                        a.sizeBytes() == null ? "-" : TableStatistics.formatBytes(a.sizeBytes()), a.createdAt(),
                        a.expiresAt() == null ? "never" : a.expiresAt());
            }
            console.out().print(out.render());
            console.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "One artifact: source, physical name, recovery plan, checksum, size.")
    static final class Inspect implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "ID", description = "The artifact id (recover list).")
        String id;

        @Option(names = "--verify", description = "Checksum the parked data again (one pass over it) and compare.")
        boolean verify;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        Inspect(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Inspection inspection = new Zanith(connection.configBuilder().build()).inspectArtifact(id, verify);
            Artifact a = inspection.artifact();
            if (format == OutputFormat.json) {
                console.out().print(Json.write(RecoverJson.inspection(inspection)));
                console.out().flush();
                return ExitCodes.OK;
            }
            ArtifactDefinition d = a.definition();
            console.println(console.style(a.id(), TextStyle.BOLD));
            line("type", a.type().id() + " (" + a.status().value() + ")");
            line("source", a.sourceName());
            line("physical name", a.physicalName() + (a.type() == ArtifactType.SOFT_DROP_COLUMN ? " (a column of "
                    + a.source() + ")" : ""));
            line("migration", a.migrationId() + ", step " + a.stepIndex());
            line("created", a.createdAt() + "   expires " + (a.expiresAt() == null ? "never" : a.expiresAt()));
            line("rows", (a.rowCount() == null ? "-" : Formats.count(a.rowCount())) + "   size "
                    + (a.sizeBytes() == null ? "-" : TableStatistics.formatBytes(a.sizeBytes())));
            String checksum = a.checksum() == null ? "-" : a.checksum();
            if (inspection.checksumMatches() != null) {
                checksum += inspection.checksumMatches() ? console.style("  (verified: matches)", TextStyle.GREEN)
                        : console.style("  (MISMATCH: now " + inspection.currentChecksum().describe() + ")",
                        TextStyle.RED);
            }
            line("checksum", checksum);
            line("data", inspection.dataPresent() ? "present" : a.status() == ArtifactStatus.RESTORED ? "restored in place"
                    : console.style("gone", TextStyle.RED));
            if (a.restoredBy() != null) {
                line("restored", a.statusChangedAt() + " by " + a.restoredBy() + " (" + a.restoreId() + ")");
            }
            if (d.column() != null) {
                line("column", RecoverJson.describe(d.column()));
            }
            if (d.table() != null) {
                line("table", d.table().columns().size() + " columns, " + (d.table().primaryKey() == null ? "no primary key"
                        : "primary key (" + String.join(", ", d.table().primaryKey().columns()) + ")"));
            }
            if (!d.primaryKey().isEmpty()) {
                line("key", String.join(", ", d.primaryKey()));
            }
            for (ArtifactDefinition.Dependent dep : d.dependents()) {
                line("re-creates", dep.kind() + " " + dep.name() + " (" + dep.origin().replace('_', ' ') + ")");
            }
            for (ArtifactDefinition.RenamedObject r : d.renamed()) {
                line("renamed", r.kind() + " " + r.original() + " -> " + r.parked());
            }
            for (String note : d.notes()) {
                line("note", note);
            }
            line("restore", inspection.restore());
            console.println("");
            console.println(console.style("recovery plan:", TextStyle.BOLD));
            console.out().print(a.recoverySql().lines().map(l -> "  " + l + "\n").reduce("", String::concat));
            console.out().flush();
            return ExitCodes.OK;
        }

        private void line(String label, String value) {
            console.println(String.format(java.util.Locale.ROOT, "  %-14s %s", label, value));
        }
    }

    /** What restore-column and restore-table share. */
    static final class RestoreOptions {
        @Option(names = "--accept-changed-data",
                description = "Restore even when the parked data no longer matches its checksum (as it is now).")
        boolean acceptChangedData;

        @Option(names = "--yes", description = "Accepted like on every verb that changes data; a restore never asks "
                + "(it changes nothing unless it can put everything back).")
        boolean yes;
    }

    @Command(name = "restore-column", mixinStandardHelpOptions = true,
            description = "Put a dropped column back from its latest soft-drop or archive "
            + "artifact: one transaction under the apply lock, recorded in history; refused on conflicts.")
    static final class RestoreColumn implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "TABLE.COLUMN", description = "The column: table.column or schema.table.column.")
        String target;

        @Mixin
        RestoreOptions restore;

        private final Console console;

        RestoreColumn(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            List<String> parts = parts(target);
            if (parts.size() < 2 || parts.size() > 3) {
                throw new ZanithConfigException("restore-column takes TABLE.COLUMN or SCHEMA.TABLE.COLUMN, not '"
                        + target + "'.");
            }
            String table = QualifiedNames.join(parts.subList(0, parts.size() - 1));
            RestoreResult result = new Zanith(connection.configBuilder().build())
                    .restoreColumn(table, parts.get(parts.size() - 1), restore.acceptChangedData);
            return report(console, result);
        }
    }

    @Command(name = "restore-table", mixinStandardHelpOptions = true,
            description = "Bring a soft-dropped or archived table back (with its index and "
            + "constraint names) from its latest artifact: one transaction under the apply lock, recorded in history.")
    static final class RestoreTable implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "TABLE", description = "The table: table or schema.table.")
        String table;

        @Mixin
        RestoreOptions restore;

        private final Console console;

        RestoreTable(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            tableParts(table);
            return report(console, new Zanith(connection.configBuilder().build())
                    .restoreTable(table, restore.acceptChangedData));
        }
    }

    static int report(Console console, RestoreResult r) {
        if (!r.restored()) {
            console.println("Nothing to do: " + r.source() + " was " + String.join("; ", r.warnings()) + " ("
                    + r.artifactId() + (r.restoreId() == null ? "" : ", " + r.restoreId()) + ").");
            return ExitCodes.OK;
        }
        console.println(console.style("Restored " + r.source(), TextStyle.GREEN_BOLD) + " from " + r.type().id()
                + " artifact " + r.artifactId() + " in " + Formats.millis(r.durationMs()) + ".");
        StringBuilder rows = new StringBuilder("  " + Formats.plural(r.restoredRows(), "row") + " "
                + (r.type() == ArtifactType.ARCHIVE_COLUMN ? "refilled from the archive" : "restored"));
        if (r.rowsWithoutValue() > 0) {
            rows.append("; ").append(Formats.plural(r.rowsWithoutValue(), "row")).append(r.type() == ArtifactType.ARCHIVE_COLUMN
                    ? " inserted since the archive had no value (NULL or the default)"
                    : " written while it was parked had no value");
            if (r.filledWithDefault() > 0) {
                rows.append(", ").append(Formats.count(r.filledWithDefault())).append(" given the default");
            }
        }
        if (r.orphanedValues() > 0) {
            rows.append("; ").append(Formats.plural(r.orphanedValues(), "archived value")).append(" belonged to rows "
                    + "deleted since");
        }
        console.println(rows.toString());
        console.println(console.style("  recorded as " + r.restoreId() + " (zanith history)", TextStyle.DIM));
        for (String warning : r.warnings()) {
            console.warn(warning);
        }
        return ExitCodes.OK;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Stream an artifact's parked rows out as CSV, JSON lines or JSON (before a "
            + "purge, say), after checking their checksum. Constant memory, any number of rows.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "ID", description = "The artifact id (recover list).")
        String id;

        @Option(names = "--format", defaultValue = "csv", description = "csv, jsonl or json. Default: ${DEFAULT-VALUE}.")
        ExportFormat format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (complete or not at all). Default: "
                + "standard output.")
        Path out;

        @Option(names = "--accept-changed-data",
                description = "Export even when the parked data no longer matches its checksum.")
        boolean acceptChangedData;

        private final Console console;

        Export(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Zanith zanith = new Zanith(connection.configBuilder().build());
            if (out == null) {
                warnIfChanged(zanith.export(id, format, console.out(), acceptChangedData));
                return ExitCodes.OK;
            }
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            ExportResult result;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                result = zanith.export(id, format, file, acceptChangedData);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                deleteQuietly(partial);
                throw e;
            }
            try {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new dev.zanith.api.exception.ZanithException("Cannot write " + out + ": " + e.getMessage());
            }
            console.println("Exported " + Formats.plural(result.rows(), "row") + " of " + result.artifactId() + " to "
                    + out + " (" + result.format().id() + ").");
            warnIfChanged(result);
            return ExitCodes.OK;
        }

        private void warnIfChanged(ExportResult result) {
            if (!result.checksumMatched()) {
                console.warn("the parked data no longer matched its checksum; exported as it is now, as asked");
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the partial file is named as such
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Drop an artifact's parked data and delete its row. Permanent. Asks first on "
            + "a terminal; elsewhere needs --yes.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "ID", description = "The artifact id (recover list).")
        String id;

        @Option(names = "--yes", description = "Do not ask for confirmation (required without a terminal).")
        boolean yes;

        private final Console console;

        Purge(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Zanith zanith = new Zanith(connection.configBuilder().build());
            Artifact a = zanith.artifact(id).orElse(null);
            if (a == null) {
                console.println("Nothing to purge: no artifact '" + id + "' (purged already, or never recorded).");
                return ExitCodes.OK;
            }
            if (!confirmed(console, yes, "purge " + a.id(), "Purge " + a.sourceName() + " (" + a.type().id() + ", "
                    + a.physicalName() + ") for good? Its data cannot be restored afterwards.")) {
                console.println("Nothing purged.");
                return ExitCodes.OK;
            }
            PurgeResult result = zanith.purge(id);
            if (!result.found()) {
                console.println("Nothing to purge: no artifact '" + id + "' (purged meanwhile).");
                return ExitCodes.OK;
            }
            console.println("Purged " + result.artifactId() + (result.statements().isEmpty() ? " (its row; no parked data)"
                    : ": " + String.join("; ", result.statements())) + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = "Purge every expired artifact (and with --older-than, every artifact "
            + "older than that), each in its own transaction. Safe to run from cron with --yes.")
    static final class Cleanup implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Also purge artifacts created longer ago than this (e.g. 30d, 12h).")
        Duration olderThan;

        @Option(names = "--dry-run", description = "Only list what would be purged.")
        boolean dryRun;

        @Option(names = "--yes", description = "Do not ask for confirmation (required without a terminal).")
        boolean yes;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        Cleanup(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Zanith zanith = new Zanith(connection.configBuilder().build());
            CleanupResult due = zanith.cleanup(olderThan, true);
            if (dryRun || due.due().isEmpty()) {
                return print(due);
            }
            if (!confirmed(console, yes, "cleanup", "Purge " + Formats.plural(due.due().size(), "artifact")
                    + " for good? " + String.join(", ", due.due().stream().map(Artifact::id).toList()))) {
                console.println("Nothing purged.");
                return ExitCodes.OK;
            }
            return print(zanith.cleanup(olderThan, false));
        }

        private int print(CleanupResult result) {
            if (format == OutputFormat.json) {
                console.out().print(Json.write(RecoverJson.cleanup(result)));
                console.out().flush();
                return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
            }
            if (result.due().isEmpty()) {
                console.println("Nothing to clean up: no artifact has expired" + (olderThan == null ? "."
                        : " or is older than " + olderThan + "."));
                return ExitCodes.OK;
            }
            if (result.dryRun()) {
                console.println("Would purge " + Formats.plural(result.due().size(), "artifact") + ":");
                for (Artifact a : result.due()) {
                    console.println("  " + a.id() + "  " + a.type().id() + "  " + a.physicalName() + "  created "
                            + a.createdAt() + (a.expiresAt() == null ? "" : ", expires " + a.expiresAt()));
                }
                return ExitCodes.OK;
            }
            for (PurgeResult purged : result.purged()) {
                console.println("  purged " + purged.artifactId());
            }
            result.failed().forEach((id, why) -> console.error("could not purge " + id + ": " + why));
            console.println("Purged " + Formats.plural(result.purged().size(), "artifact") + (result.failed().isEmpty()
                    ? "." : "; " + result.failed().size() + " failed (run cleanup again once fixed)."));
            return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    /**
     * Asks on a terminal; without one, {@code --yes} is the only way to go ahead (refused as a usage error, exit 2,
     * rather than proceeding silently).
     */
    static boolean confirmed(Console console, boolean yes, String what, String question) {
        if (yes) {
            return true;
        }
        if (!console.isTerminal()) {
            throw new ZanithConfigException(what + " is permanent and there is no terminal to ask on: pass --yes to "
                    + "confirm.");
        }
        return console.confirm(question);
    }

    private static List<String> parts(String text) {
        try {
            return QualifiedNames.split(text);
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException(e.getMessage());
        }
    }

    private static List<String> tableParts(String text) {
        List<String> parts = parts(text);
        if (parts.size() > 2) {
            throw new ZanithConfigException("Not a table name: '" + text + "' (expected table or schema.table).");
        }
        return parts;
    }
}
