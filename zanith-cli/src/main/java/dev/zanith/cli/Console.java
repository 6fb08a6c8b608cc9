package dev.zanith.cli;

import dev.zanith.api.output.text.TextOutput;
import dev.zanith.api.output.text.TextStyle;

import java.io.PrintWriter;

/**
 * Where the CLI writes, and whether it may use color and progress bars: only on a terminal, never when
 * {@code NO_COLOR} is set or the output is piped (CI logs stay plain).
 */
public final class Console implements TextOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean color;

    public Console(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.color = terminal && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    /** The process's own console, detecting a terminal the same way on Java 17 and 22+. */
    public static Console system(PrintWriter out, PrintWriter err) {
        return new Console(out, err, detectTerminal());
    }

    static boolean detectTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean isTerminal() {
        return terminal;
    }

    @Override
    public boolean color() {
        return color;
    }

    @Override
    public void println(String line) {
        out.println(line);
        out.flush();
    }

    public void error(String message) {
        err.println(style("error: ", TextStyle.RED_BOLD) + message);
        err.flush();
    }

    @Override
    public void warn(String message) {
        err.println(style("warning: ", TextStyle.YELLOW_BOLD) + message);
        err.flush();
    }

    /**
     * Asks a yes/no question on a terminal; without a terminal nothing is asked and the answer is yes (CI runs
     * non-interactively; verbs that change data say so with --yes on a terminal).
     */
    public boolean confirm(String question) {
        if (!terminal) {
            return true;
        }
        out.print(question + " [y/N] ");
        out.flush();
        java.io.Console system = System.console();
        String answer = system == null ? null : system.readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** Text without a line break, flushed at once (a progress bar redrawn in place). */
    @Override
    public void printInline(String text) {
        out.print(text);
        out.flush();
    }
}
