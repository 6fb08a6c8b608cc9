package dev.zanith.api.output.text;

/**
 * Where a renderer writes: lines of the report, and warnings (the CLI prints them to standard error as
 * {@code warning: …}, the Maven plugin logs them at WARN).
 */
public interface TextOutput extends Styler {

    /** Plain text appended to {@code text}, one line each, warnings as {@code warning: …} lines (for a file). */
    static TextOutput into(StringBuilder text) {
        return new TextOutput() {
            @Override
            public boolean color() {
                return false;
            }

            @Override
            public void println(String line) {
                text.append(line).append('\n');
            }

            @Override
            public void warn(String message) {
                text.append("warning: ").append(message).append('\n');
            }
        };
    }

    /** One line of the report, without its line break. */
    void println(String line);

    /** A warning, without the {@code warning:} prefix. */
    void warn(String message);

    /**
     * True when lines can be redrawn in place ({@link #printInline}): a terminal. Without one, progress is printed
     * as whole lines every few seconds.
     */
    default boolean isTerminal() {
        return false;
    }

    /** Text without a line break, shown at once (a progress bar redrawn with {@code \r}); terminals only. */
    default void printInline(String text) {
        throw new UnsupportedOperationException("not a terminal");
    }
}
