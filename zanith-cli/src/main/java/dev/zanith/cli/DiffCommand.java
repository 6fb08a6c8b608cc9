package dev.zanith.cli;

import dev.zanith.api.output.text.TextStyle;
import dev.zanith.api.output.text.Sigils;
import dev.zanith.Zanith;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.output.DiffResult;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.RenameHint;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenderContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", description = "Print the operations that turn one schema into another. A source is a "
        + "database URL, a .sql file, or a schema graph .json/.yaml.")
final class DiffCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The schema as it is.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The schema as it should be.")
    String to;

    @Option(names = "--schemas", paramLabel = "SCHEMA", split = ",", defaultValue = "public",
            description = "Schemas to compare. Default: ${DEFAULT-VALUE}.")
    List<String> schemas;

    @Option(names = "--sql", description = "Print each operation's SQL as well.")
    boolean sql;

    @Option(names = "--drop-strategy", defaultValue = "soft", paramLabel = "STRATEGY",
            description = "soft (default), archive or hard.")
    GenerateCommand.Strategy dropStrategy;

    @Option(names = "--rename", paramLabel = "OLD=NEW", description = "Declare a rename (as in generate). Repeatable.")
    List<String> renames = List.of();

    @Mixin
    ShadowOptions shadow;

    private final Console console;

    DiffCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        DiffResult result = Zanith.diff(from, to, schemas, new DiffOptions(DropStrategy.valueOf(dropStrategy.name()
                .toUpperCase()), renames.stream().map(RenameHint::parse).toList()), shadow.shadow, shadow.reset);
        for (String warning : result.warnings()) {
            console.warn(warning);
        }
        if (result.isEmpty()) {
            console.println("No differences.");
            return ExitCodes.OK;
        }
        int step = 1;
        for (Operation operation : result.operations()) {
            console.println(String.format("%2d %s %s", step, Sigils.of(operation), operation.summary()));
            if (sql) {
                for (String line : operation.render(new RenderContext("diff", step, "_zanith_",
                        RenderContext.DEFAULT_ARCHIVE_SCHEMA)).script().split("\n")) {
                    console.println("     " + console.style(line, TextStyle.DIM));
                }
            }
            step++;
        }
        result.renameSuspects().forEach(s -> console.println(console.style("hint: ", TextStyle.YELLOW_BOLD)
                + s.describe() + ". If it is a rename: " + s.hint()));
        return ExitCodes.OK;
    }
}
