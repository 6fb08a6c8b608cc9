package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** Rewrites SQL expression text the way PostgreSQL would print it after a column rename. */
public final class Expressions {

    private Expressions() {
    }

    /**
     * Replaces unqualified identifier tokens equal to {@code from} with {@code to} (quoted as needed), leaving
     * string literals, qualified names ({@code x.from}) and function names alone.
     */
    public static @Nullable String renameIdentifier(@Nullable String expression, String from, String to) {
        if (expression == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = skipQuoted(expression, i, '\'');
                out.append(expression, i, end);
                i = end;
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int end;
                String name;
                if (c == '"') {
                    end = skipQuoted(expression, i, '"');
                    name = expression.substring(i + 1, end - 1).replace("\"\"", "\"");
                } else {
                    end = i;
                    while (end < n && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                            || expression.charAt(end) == '$')) {
                        end++;
                    }
                    name = expression.substring(i, end);
                }
                boolean qualified = i > 0 && expression.charAt(i - 1) == '.';
                boolean call = end < n && expression.charAt(end) == '(';
                if (name.equals(from) && !qualified && !call) {
                    out.append(Identifiers.quote(to));
                } else {
                    out.append(expression, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
