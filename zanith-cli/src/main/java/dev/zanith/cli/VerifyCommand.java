package dev.zanith.cli;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.text.VerifyReport;
import dev.zanith.api.output.text.VerifyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", description = "Rehearse the pending migrations on a throwaway shadow database: observe "
        + "each step's real locks and rewrites, and compare the result with the declared schema.",
        footer = {"", "Exit codes: 0 VERIFIED · 4 DRIFT · 5 FAILED · 6 NOTHING_PENDING · 1 error · 2 usage."})
final class VerifyCommand implements Callable<Integer> {

    enum Format { text, json, markdown, junit }

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    ShadowOptions shadow;

    @Option(names = "--declared", paramLabel = "FILE",
            description = "Compare with this declared schema (.sql, .json, .yaml) instead of the steps' expected result.")
    Path declared;

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown or junit. Default: ${DEFAULT-VALUE}.")
    Format format;

    private final Console console;

    VerifyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ZanithConfig config = connection.configBuilder().migrations(migrations.source()).build();
        VerifyResult result = new Zanith(config).verify(declared, shadow.provider(config));
        console.out().print(switch (format) {
            case text -> VerifyText.text(result, console);
            case json -> VerifyReport.json(result);
            case markdown -> VerifyReport.markdown(result);
            case junit -> VerifyReport.junit(result);
        });
        console.out().flush();
        return ExitCodes.of(result.verdict());
    }
}
