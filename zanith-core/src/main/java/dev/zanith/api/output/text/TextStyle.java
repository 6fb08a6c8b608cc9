package dev.zanith.api.output.text;

/** The styles the text output uses, as ANSI escape codes (applied only where {@link Styler#color()} says so). */
public enum TextStyle {
    BOLD("\u001B[1m"), DIM("\u001B[2m"), RED("\u001B[31m"), RED_BOLD("\u001B[1;31m"), GREEN("\u001B[32m"),
    GREEN_BOLD("\u001B[1;32m"), YELLOW("\u001B[33m"), YELLOW_BOLD("\u001B[1;33m"), BLUE("\u001B[34m"),
    MAGENTA("\u001B[35m"), CYAN("\u001B[36m"), WHITE_ON_RED("\u001B[1;97;41m"),
    BLACK_ON_YELLOW("\u001B[1;30;43m"), BLACK_ON_GREEN("\u001B[1;30;42m"), WHITE_ON_MAGENTA("\u001B[1;97;45m"),
    BLACK_ON_CYAN("\u001B[1;30;46m"), WHITE_ON_GRAY("\u001B[1;97;100m");

    private static final String RESET = "\u001B[0m";

    private final String code;

    TextStyle(String code) {
        this.code = code;
    }

    /** The ANSI escape sequence that starts this style. */
    public String code() {
        return code;
    }

    /** {@code text} in this style, reset after it. */
    public String apply(String text) {
        return code + text + RESET;
    }
}
