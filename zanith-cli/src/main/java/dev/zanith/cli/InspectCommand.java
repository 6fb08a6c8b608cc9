package dev.zanith.cli;

import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Formats;
import dev.zanith.Zanith;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "inspect", description = "Read the live database into a schema graph and print it.")
final class InspectCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--format", defaultValue = "text", description = "text (a readable summary) or json "
            + "(the stable schema-graph form, usable as --declared input). Default: ${DEFAULT-VALUE}.")
    Format format;

    private final Console console;

    InspectCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        LiveSchema live = new Zanith(connection.configBuilder().build()).inspect();
        if (format == Format.json) {
            console.out().print(SchemaGraphJson.toJson(live.graph()));
            console.out().flush();
        } else {
            printText(live);
        }
        return ExitCodes.OK;
    }

    private void printText(LiveSchema live) {
        SchemaGraph graph = live.graph();
        console.println(console.style(live.database(), TextStyle.BOLD) + " on PostgreSQL " + live.server()
                + " · schemas: " + String.join(", ", graph.schemas()));
        console.println(graph.summary());
        console.println(Formats.plural(graph.indexCount(), "index").replace("indexs", "indexes") + " · "
                + Formats.plural(graph.enums().size(), "enum") + " · "
                + Formats.plural(graph.extensions().size(), "extension") + " · "
                + Formats.plural(graph.policyCount(), "policy").replace("policys", "policies") + " · "
                + Formats.plural(graph.sequences().size(), "sequence"));
        console.println(console.style("fingerprint " + live.fingerprint(), TextStyle.DIM));
        if (graph.tables().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("MODEL", "FIELDS", "PRIMARY KEY", "INDEXES", "RELATIONS", "RLS", "ROWS (EST.)",
                "SIZE").rightAlign(1, 3, 4, 6, 7);
        for (Table t : graph.tables()) {
            TableStatistics stats = live.statistics(t.qualifiedName());
            table.add(t.qualifiedName(), t.columns().size(),
                    t.primaryKey() == null ? "-" : String.join(", ", t.primaryKey().columns()),
                    t.indexes().size() + t.uniqueConstraints().size(), t.foreignKeys().size(),
                    t.rlsEnabled() ? (t.rlsForced() ? "forced" : "on") : "-",
                    stats.isKnown() ? Formats.count(stats.estimatedRows()) : "?", TableStatistics.formatBytes(stats.totalBytes()));
        }
        console.println("");
        console.out().print(table.render());
        if (!graph.enums().isEmpty()) {
            console.println("");
            graph.enums().forEach(e -> console.println("enum " + e.schema() + "." + e.name() + " ("
                    + e.values().stream().collect(Collectors.joining(", ")) + ")"));
        }
        console.out().flush();
    }
}
