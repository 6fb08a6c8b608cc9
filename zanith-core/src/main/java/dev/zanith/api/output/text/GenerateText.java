package dev.zanith.api.output.text;

import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.output.RenameSuspect;

/**
 * A generate as text (what {@code zanith generate} and {@code mvn zanith:generate} print): the schemas compared, the
 * file written with its operations, rename hints, and the next command.
 */
public final class GenerateText {

    private GenerateText() {
    }

    /**
     * Prints {@code result}.
     *
     * @param declared   what the declared schema was, as the user named it (a file)
     * @param nextCommand the command that plans the new file, for the closing hint
     */
    public static void print(GenerateResult result, String declared, String nextCommand, TextOutput out) {
        out.println(out.style("Schemas: " + result.scope().describe(), TextStyle.DIM));
        for (String warning : result.warnings()) {
            out.warn(warning);
        }
        if (result.nothingToDo()) {
            out.println("Nothing to do: the database" + (result.pendingMigrations() > 0
                    ? " plus " + result.pendingMigrations() + " pending migration(s)" : "") + " already matches "
                    + declared + ". No file written.");
            return;
        }
        out.println("Wrote " + out.style(String.valueOf(result.file()), TextStyle.BOLD) + " ("
                + Formats.plural(result.operations().size(), "operation") + ")");
        for (Operation operation : result.operations()) {
            out.println("  " + Sigils.of(operation) + " " + operation.summary());
        }
        for (RenameSuspect suspect : result.renameSuspects()) {
            out.println(out.style("hint: ", TextStyle.YELLOW_BOLD) + suspect.describe()
                    + ". If it is a rename, regenerate with " + suspect.hint());
        }
        out.println(out.style("Next: " + nextCommand + " (risk and gates, read-only)", TextStyle.DIM));
    }
}
