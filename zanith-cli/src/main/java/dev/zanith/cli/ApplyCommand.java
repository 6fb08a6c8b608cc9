package dev.zanith.cli;

import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.command.Apply;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "apply", description = "Apply the pending migrations, one audited step at a time.")
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    GateOptions gates;

    private final Console console;

    ApplyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ApplyResult result = new Apply(connection.configBuilder().migrations(migrations.source()).build(),
                new Printer()).run();
        if (result.migrations().isEmpty()) {
            console.println("Nothing to apply: every migration has been applied.");
            return ExitCodes.OK;
        }
        if (!result.succeeded()) {
            console.error("apply stopped: " + result.failedStep().map(s -> "step " + s.stepIndex() + " (" + s.operationKind()
                    + ") failed" + (s.sqlState() != null ? " [" + s.sqlState() + "]" : "") + ": " + s.error())
                    .orElse("a step failed") + ". Fix the cause and run apply again: it resumes at the failed step.");
            return ExitCodes.ERROR;
        }
        console.println("Applied " + Formats.plural(result.appliedCount(), "migration") + ".");
        return ExitCodes.OK;
    }

    /** Prints each step as it happens. */
    private final class Printer implements ApplyListener {
        @Override
        public void migrationStarted(Migration migration, int pendingSteps) {
            console.println(console.style(migration.id(), Console.Style.BOLD) + " (" + Formats.plural(migration.operations().size(), "step") + ")");
        }

        @Override
        public void stepSkipped(Migration migration, int stepIndex, Operation operation) {
            console.println(line(Sigils.SKIPPED, Console.Style.CYAN, stepIndex, operation, "done earlier"));
        }

        @Override
        public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
            console.println(line(Sigils.DONE, Console.Style.GREEN, stepIndex, operation, Formats.millis(durationMs)));
        }

        @Override
        public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
            console.println(line(Sigils.FAILED, Console.Style.RED, stepIndex, operation, "failed"));
        }

        @Override
        public void migrationApplied(Migration migration, long durationMs) {
            console.println("  applied in " + Formats.millis(durationMs));
        }

        private String line(String sigil, Console.Style style, int index, Operation operation, String tail) {
            return "  " + console.style(sigil, style) + String.format(" %02d %-20s %s  ", index, operation.kind().id(),
                    operation.summary()) + console.style(tail, Console.Style.DIM);
        }
    }
}
