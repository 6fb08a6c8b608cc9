package dev.zanith.internal.shadow;

import dev.zanith.internal.sql.SqlScript;
import java.util.List;
import java.util.Set;

/**
 * Recognizes statements whose effect reaches beyond the current database: roles, databases, tablespaces,
 * server settings and subscriptions. On a shadow that is a database of a shared server they would change that
 * server, so they are not run there. Statements hidden in DO blocks or functions cannot be seen this way.
 */
final class ServerWideStatements {

    private static final Set<String> DEFINED_OBJECTS = Set.of("role", "user", "group", "database", "tablespace",
            "subscription");
    private static final Set<String> SHARED_OBJECTS = Set.of("database", "tablespace", "role", "parameter");

    private ServerWideStatements() {
    }

    /**
     * The command ("CREATE ROLE", "GRANT ... ON DATABASE", ...) if the statement with these lower-cased words
     * (see {@link SqlScript.Statement#words}) acts on the whole server, else null.
     */
    static String command(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        String third = words.size() > 2 ? words.get(2) : "";
        switch (first) {
            case "create", "alter", "drop" -> {
                if (DEFINED_OBJECTS.contains(second) && !(second.equals("user") && third.equals("mapping"))) {
                    return upper(first, second);
                }
                if (first.equals("alter") && second.equals("system")) {
                    return "ALTER SYSTEM";
                }
                if (first.equals("drop") && second.equals("owned")) {
                    return "DROP OWNED"; // also revokes privileges on databases and tablespaces
                }
                return null;
            }
            case "reassign" -> {
                return second.equals("owned") ? "REASSIGN OWNED" : null;
            }
            case "grant", "revoke" -> {
                int on = words.indexOf("on");
                if (on < 0) {
                    return upper(first) + " of a role membership";
                }
                String object = on + 1 < words.size() ? words.get(on + 1) : "";
                return SHARED_OBJECTS.contains(object) ? upper(first) + " ... ON " + upper(object) : null;
            }
            case "comment", "security" -> {
                int on = words.indexOf("on");
                String object = on >= 0 && on + 1 < words.size() ? words.get(on + 1) : "";
                return SHARED_OBJECTS.contains(object) && !object.equals("parameter")
                        ? (first.equals("comment") ? "COMMENT" : "SECURITY LABEL") + " ON " + upper(object) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String upper(String... words) {
        return String.join(" ", words).toUpperCase(java.util.Locale.ROOT);
    }
}
