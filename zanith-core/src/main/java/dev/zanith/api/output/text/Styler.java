package dev.zanith.api.output.text;

/** Whether an output shows color, and the text styled for it (unchanged when it does not). */
public interface Styler {

    /** Plain text: no escape codes (logs, pipes, {@code NO_COLOR}). */
    Styler PLAIN = () -> false;

    /** True when escape codes are shown as color (a terminal). */
    boolean color();

    /** {@code text} in {@code style} when {@link #color()}, else {@code text} itself. */
    default String style(String text, TextStyle style) {
        return color() ? style.apply(text) : text;
    }
}
