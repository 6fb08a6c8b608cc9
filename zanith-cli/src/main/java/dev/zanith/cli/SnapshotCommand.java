package dev.zanith.cli;

import dev.zanith.api.output.text.Json;
import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.SnapshotComparison;
import dev.zanith.Zanith;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.SnapshotDiff;
import dev.zanith.api.output.SnapshotInfo;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "The schema snapshots stored before and after every migration.",
        subcommands = {SnapshotCommand.ListSnapshots.class, SnapshotCommand.Show.class, SnapshotCommand.Diff.class},
        footer = {"", "Name a snapshot by its number (snapshot list), MIGRATION_ID:before|after, or a migration id "
                + "(its after snapshot)."})
final class SnapshotCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show ID or diff A B.");
    }

    @Command(name = "list", description = "Every snapshot: number, migration, phase, models, fields, when.")
    static final class ListSnapshots implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        ListSnapshots(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            List<SnapshotInfo> snapshots = new Zanith(connection.configBuilder().build()).snapshots();
            if (format == OutputFormat.json) {
                console.out().print(Json.write(snapshots.stream().map(SnapshotCommand::infoJson).toList()));
                console.out().flush();
                return ExitCodes.OK;
            }
            if (snapshots.isEmpty()) {
                console.println("No snapshots yet: apply stores one before and one after every migration.");
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("ID", "MIGRATION", "PHASE", "MODELS", "FIELDS", "CAPTURED AT", "FINGERPRINT")
                    .rightAlign(0, 3, 4);
            for (SnapshotInfo s : snapshots) {
                table.add(s.id(), s.migrationId(), s.phase().value(), s.modelCount(), s.fieldCount(), s.capturedAt(),
                        s.fingerprint().length() > 19 ? s.fingerprint().substring(0, 19) : s.fingerprint());
            }
            console.out().print(table.render());
            console.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One snapshot: its models, or the whole schema graph with --format json.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "ID", description = "Number, MIGRATION_ID:before|after, or a migration id.")
        String id;

        @Option(names = "--format", defaultValue = "text",
                description = "text or json (the schema graph, usable as --declared input). Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        Show(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Snapshot snapshot = new Zanith(connection.configBuilder().build()).requireSnapshot(id);
            if (format == OutputFormat.json) {
                console.out().print(SchemaGraphJson.toJson(snapshot.graph()));
                console.out().flush();
                return ExitCodes.OK;
            }
            SnapshotInfo info = snapshot.info();
            console.println(console.style("snapshot " + info.id(), TextStyle.BOLD) + "  " + info.reference()
                    + "  captured " + info.capturedAt());
            console.println(snapshot.graph().summary());
            console.println(console.style("fingerprint " + info.fingerprint(), TextStyle.DIM));
            if (!snapshot.graph().tables().isEmpty()) {
                TextTable table = new TextTable("MODEL", "FIELDS", "PRIMARY KEY", "INDEXES", "RELATIONS").rightAlign(1, 3, 4);
                for (Table t : snapshot.graph().tables()) {
                    table.add(t.qualifiedName(), t.columns().size(),
                            t.primaryKey() == null ? "-" : String.join(", ", t.primaryKey().columns()),
                            t.indexes().size() + t.uniqueConstraints().size(), t.foreignKeys().size());
                }
                console.println("");
                console.out().print(table.render());
                console.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", description = "Which models and fields were added, removed or changed from snapshot A to B.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "A", description = "The earlier snapshot.")
        String from;

        @Parameters(index = "1", paramLabel = "B", description = "The later snapshot.")
        String to;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        private final Console console;

        Diff(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            SnapshotComparison comparison = new Zanith(connection.configBuilder().build()).compareSnapshots(from, to);
            SnapshotDiff diff = comparison.diff();
            if (format == OutputFormat.json) {
                List<Object> models = new ArrayList<>();
                for (SnapshotDiff.ModelChange m : diff.models()) {
                    models.add(Json.object("model", m.model(), "change", m.change().value(),
                            "fields", m.fields().stream().map(f -> Json.object("field", f.field(), "change",
                                    f.change().value(), "before", f.before(), "after", f.after())).toList(),
                            "details", m.details()));
                }
                console.out().print(Json.write(Json.object("from", infoJson(comparison.from().info()),
                        "to", infoJson(comparison.to().info()), "models", models, "others", diff.others())));
                console.out().flush();
                return ExitCodes.OK;
            }
            console.println("from " + console.style(comparison.from().info().id() + " (" + comparison.from().info().reference()
                    + ")", TextStyle.BOLD) + " to " + console.style(comparison.to().info().id() + " ("
                    + comparison.to().info().reference() + ")", TextStyle.BOLD));
            if (diff.isEmpty()) {
                console.println("No differences.");
                return ExitCodes.OK;
            }
            for (SnapshotDiff.ModelChange m : diff.models()) {
                console.println(mark(m.change()) + " model " + m.model() + (m.change() == SnapshotDiff.Change.CHANGED
                        ? "" : " (" + m.change().value() + ")"));
                for (SnapshotDiff.FieldChange f : m.fields()) {
                    String text = switch (f.change()) {
                        case ADDED -> f.after();
                        case REMOVED -> f.before();
                        case CHANGED -> f.before() + " -> " + f.after();
                    };
                    console.println("    " + mark(f.change()) + " " + f.field() + "  " + console.style(text, TextStyle.DIM));
                }
                for (String detail : m.details()) {
                    console.println("    ~ " + detail);
                }
            }
            for (String other : diff.others()) {
                console.println("~ " + other);
            }
            return ExitCodes.OK;
        }

        private String mark(SnapshotDiff.Change change) {
            return switch (change) {
                case ADDED -> console.style("+", TextStyle.GREEN);
                case REMOVED -> console.style("-", TextStyle.RED);
                case CHANGED -> console.style("~", TextStyle.YELLOW);
            };
        }
    }

    static Map<String, Object> infoJson(SnapshotInfo s) {
        return Json.object("id", s.id(), "migrationId", s.migrationId(), "phase", s.phase().value(),
                "models", s.modelCount(), "fields", s.fieldCount(), "fingerprint", s.fingerprint(),
                "capturedAt", s.capturedAt());
    }
}
