package dev.zanith.cli;

import dev.zanith.api.output.text.GenerateText;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.GenerateRequest;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.RenameHint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Compare the declared schema with the live database (plus pending "
        + "migrations) and write the difference as a new migration file.")
final class GenerateCommand implements Callable<Integer> {

    enum Strategy { soft, archive, hard }

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    ShadowOptions shadow;

    @Option(names = "--declared", required = true, paramLabel = "FILE",
            description = "The declared schema: a .sql file of CREATE statements, or a schema graph .json/.yaml.")
    Path declared;

    @Option(names = "--name", paramLabel = "SLUG", description = "Name the migration (default: derived from its operations).")
    String name;

    @Option(names = "--drop-strategy", defaultValue = "soft", paramLabel = "STRATEGY",
            description = "How removed columns and tables are dropped: soft (parked, restorable; default), archive "
                    + "(data copied out, restorable) or hard (permanent).")
    Strategy dropStrategy;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Declare a rename instead of a drop and add: table.old=table.new (a column) or old=new (a table). Repeatable.")
    List<String> renames = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Console console;

    GenerateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (migrations.directory == null) {
            throw new ZanithConfigException("generate needs --migrations DIR: where to write the new migration file.");
        }
        ZanithConfig config = connection.configBuilder().build();
        DiffOptions options = new DiffOptions(DropStrategy.valueOf(dropStrategy.name().toUpperCase()),
                renames.stream().map(RenameHint::parse).toList());
        // Without --schemas the declared file says which schemas it is about; the option's default does not apply.
        List<String> schemas = spec.commandLine().getParseResult().hasMatchedOption("--schemas")
                ? connection.schemas : null;
        GenerateResult result = new Zanith(config).generate(new GenerateRequest(declared, migrations.directory, name,
                options, shadow.provider(config), Instant.now(), schemas));
        GenerateText.print(result, declared.toString(), "zanith plan --migrations " + migrations.directory, console);
        return ExitCodes.OK;
    }
}
