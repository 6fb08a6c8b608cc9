package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/** Splits dotted names where parts may be double-quoted ({@code "My.Schema"."T"}). */
public final class QualifiedNames {

    private QualifiedNames() {
    }

    /** The parts, each quoted where SQL needs it, joined with dots: the inverse of {@link #split(String)}. */
    public static String join(List<String> parts) {
        return String.join(".", parts.stream().map(Identifiers::quote).toList());
    }

    /** The dot-separated parts of {@code text}; quoted parts keep their case and may contain dots. */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(finish(current, wasQuoted, text));
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unterminated double quote in name: " + text);
        }
        parts.add(finish(current, wasQuoted, text));
        return parts;
    }

    private static String finish(StringBuilder part, boolean wasQuoted, String text) {
        String value = wasQuoted ? part.toString() : part.toString().trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Empty name part in: " + text);
        }
        return value;
    }
}
