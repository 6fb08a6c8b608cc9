package dev.zanith.internal.introspect;

import java.util.ArrayList;
import java.util.List;

/** Reads the key list out of {@code pg_get_indexdef()} output, whose shape PostgreSQL fixes. */
final class IndexDefinitions {

    private IndexDefinitions() {
    }

    /**
     * The key elements of {@code CREATE [UNIQUE] INDEX name ON table USING method (k1, k2) ...}, each exactly
     * as printed (expressions, collations, operator classes, ordering included).
     */
    static List<String> keys(String definition, String method) {
        int on = definition.indexOf(" ON ");
        String marker = " USING " + method + " (";
        int using = definition.indexOf(marker, Math.max(on, 0));
        if (using < 0) {
            throw new IllegalStateException("Unexpected index definition: " + definition);
        }
        int start = using + marker.length();
        List<String> keys = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    if (i + 1 < definition.length() && definition.charAt(i + 1) == quote) {
                        current.append(quote);
                        i++;
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    quote = c;
                    current.append(c);
                }
                case '(' -> {
                    depth++;
                    current.append(c);
                }
                case ')' -> {
                    if (depth == 0) {
                        keys.add(current.toString().trim());
                        return keys;
                    }
                    depth--;
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 0) {
                        keys.add(current.toString().trim());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        throw new IllegalStateException("Unbalanced index definition: " + definition);
    }
}
