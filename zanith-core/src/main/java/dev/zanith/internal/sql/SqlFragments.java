package dev.zanith.internal.sql;

import java.util.Optional;

/**
 * Checks that the SQL text of one typed field (a default, a CHECK or generated expression, an index key or
 * predicate, a policy expression, a backfill assignment or condition, a column type) stays inside the place the
 * renderer puts it. A fragment is refused when it holds a semicolon outside quotes or comments (a second
 * statement), a comma outside parentheses and brackets (a second clause or ALTER TABLE action), a closing
 * parenthesis or bracket without its opening one (it would close the renderer's own), an unterminated quote,
 * dollar quote or block comment, or a {@code --} comment (it would swallow the rest of the rendered line).
 *
 * <p>The lexing follows PostgreSQL's with {@code standard_conforming_strings} on: {@code '...'} with {@code ''},
 * {@code E'...'} with backslash escapes, {@code "..."} with {@code ""}, {@code $tag$...$tag$}, nested
 * {@code /* *}{@code /}. It is deliberately independent of the raw-SQL script splitter: raw SQL may hold
 * anything, a typed field exactly one fragment.
 */
public final class SqlFragments {

    private static final java.util.regex.Pattern WORDS =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*");

    private SqlFragments() {
    }

    /**
     * Why {@code text} is not one self-contained fragment, or empty when it is.
     *
     * @return a phrase such as {@code "has a ';' outside quotes at character 7"} (1-based), without the field name
     */
    public static Optional<String> problem(String text) {
        return check(text, false);
    }

    /**
     * Why {@code text} is not one self-contained query (a view's {@code SELECT ...}), or empty when it is: the rules of
     * {@link #problem} except that commas are allowed (select lists, FROM lists), since the query is the last thing
     * in its place but for what Zanith appends ({@code WITH NO DATA}).
     */
    public static Optional<String> queryProblem(String text) {
        return check(text, true);
    }

    private static Optional<String> check(String text, boolean commas) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            return Optional.of("is empty");
        }
        int depth = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            int at = i + 1;
            if (ch == '\'') {
                boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !identifierChar(text.charAt(i - 2)));
                i = endOfQuote(text, i + 1, '\'', escapes);
                if (i < 0) {
                    return Optional.of("has a string starting at character " + at + " that is never closed (a ' is missing)");
                }
            } else if (ch == '"') {
                i = endOfQuote(text, i + 1, '"', false);
                if (i < 0) {
                    return Optional.of("has a quoted name starting at character " + at + " that is never closed "
                            + "(a \" is missing)");
                }
            } else if (ch == '$' && (i == 0 || !identifierChar(text.charAt(i - 1))) && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd + 1);
                int close = text.indexOf(tag, tagEnd + 1);
                if (close < 0) {
                    return Optional.of("has a dollar-quoted string " + tag + " starting at character " + at
                            + " that is never closed");
                }
                i = close + tag.length();
            } else if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                return Optional.of("has a -- comment at character " + at + " (it would hide the rest of the statement "
                        + "Zanith writes around the field); remove it or use /* ... */");
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i = endOfBlockComment(text, i + 2);
                if (i < 0) {
                    return Optional.of("has a /* comment starting at character " + at + " that is never closed");
                }
            } else if (ch == ';') {
                return Optional.of("has a ';' outside quotes at character " + at + ": a field holds exactly one "
                        + "expression, never a second statement");
            } else if (ch == '(' || ch == '[') {
                depth++;
                i++;
            } else if (ch == ')' || ch == ']') {
                if (--depth < 0) {
                    return Optional.of("has a '" + ch + "' at character " + at + " that closes a parenthesis it did "
                            + "not open");
                }
                i++;
            } else if (ch == ',' && depth == 0 && !commas) {
                return Optional.of("has a ',' outside parentheses at character " + at + ": a field holds exactly one "
                        + "expression (write a list as separate entries)");
            } else if (ch == '\0') {
                return Optional.of("has a NUL character at character " + at);
            } else {
                i++;
            }
        }
        if (depth > 0) {
            return Optional.of("has " + depth + " unclosed parenthes" + (depth == 1 ? "is" : "es"));
        }
        return Optional.empty();
    }

    /**
     * Why {@code text} is not a keyword phrase such as {@code NO ACTION}, {@code gist} or {@code bigint} (letters,
     * digits and underscores in words separated by single spaces), or empty when it is.
     */
    public static Optional<String> wordsProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!WORDS.matcher(text).matches()) {
            return Optional.of("must be a keyword such as NO ACTION, CASCADE, gist or bigint (letters, digits, "
                    + "underscores and single spaces only), not '" + text + "'");
        }
        return Optional.empty();
    }

    /**
     * The index just past the closing {@code quote} of a string literal ({@code '}) or quoted identifier ({@code "})
     * whose body starts at {@code from}, or -1; a doubled quote is part of the body.
     */
    private static int endOfQuote(String text, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (backslashEscapes && ch == '\\') {
                i += 2;
            } else if (ch == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Nested block comments, as PostgreSQL has them; the index past the final close, or -1. */
    private static int endOfBlockComment(String text, int from) {
        int nesting = 1;
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                nesting++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                if (--nesting == 0) {
                    return i + 2;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * For a {@code $} at {@code start}: the index of the {@code $} closing a dollar-quote tag ({@code $$} or
     * {@code $name$}), or -1 when it is no tag (a positional parameter such as {@code $1}).
     */
    private static int dollarTagEnd(String text, int start) {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '$') {
            return i;
        }
        if (i >= text.length() || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return -1;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i : -1;
    }

    private static boolean identifierChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }
}
