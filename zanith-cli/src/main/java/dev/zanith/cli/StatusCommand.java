package dev.zanith.cli;

import dev.zanith.api.output.text.StatusJson;
import dev.zanith.api.output.text.StatusText;
import dev.zanith.api.output.StatusReport;
import dev.zanith.Zanith;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            console.out().print(StatusJson.toJson(report));
            console.out().flush();
            return ExitCodes.OK;
        }
        StatusText.print(report, console);
        return ExitCodes.OK;
    }
}
