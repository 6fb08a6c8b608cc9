package dev.zanith.cli;

import java.io.PrintWriter;

/**
 * Where the CLI writes, and whether it may use color and progress bars: only on a terminal, never when
 * {@code NO_COLOR} is set or the output is piped (CI logs stay plain).
 */
public final class Console {

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

    public boolean isTerminal() {
        return terminal;
    }

    public boolean color() {
        return color;
    }

    public void println(String line) {
        out.println(line);
        out.flush();
    }

    public void error(String message) {
        err.println(style("error: ", Style.RED_BOLD) + message);
        err.flush();
    }

    public void warn(String message) {
        err.println(style("warning: ", Style.YELLOW_BOLD) + message);
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

    public String style(String text, Style style) {
        return color ? style.code + text + "\u001B[0m" : text;
    }

    /** ANSI styles used by the CLI. */
    public enum Style {
        BOLD("\u001B[1m"), DIM("\u001B[2m"), RED("\u001B[31m"), RED_BOLD("\u001B[1;31m"), GREEN("\u001B[32m"),
        GREEN_BOLD("\u001B[1;32m"), YELLOW("\u001B[33m"), YELLOW_BOLD("\u001B[1;33m"), BLUE("\u001B[34m"),
        MAGENTA("\u001B[35m"), CYAN("\u001B[36m"), WHITE_ON_RED("\u001B[1;97;41m"),
        BLACK_ON_YELLOW("\u001B[1;30;43m"), BLACK_ON_GREEN("\u001B[1;30;42m"), WHITE_ON_MAGENTA("\u001B[1;97;45m"),
        BLACK_ON_CYAN("\u001B[1;30;46m"), WHITE_ON_GRAY("\u001B[1;97;100m");

        final String code;

        Style(String code) {
            this.code = code;
        }
    }
}
