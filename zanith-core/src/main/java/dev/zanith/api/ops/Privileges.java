package dev.zanith.api.ops;

import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What grantPrivileges and revokePrivileges share: the object clause, the grantee and the privilege list. */
final class Privileges {

    /** Privilege keywords by object kind, as GRANT accepts them (MAINTAIN: PostgreSQL 17+). */
    private static final Set<String> TABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER", "MAINTAIN");
    private static final Set<String> COLUMN = Set.of("SELECT", "INSERT", "UPDATE", "REFERENCES");
    private static final Set<String> SEQUENCE = Set.of("USAGE", "SELECT", "UPDATE");
    private static final Set<String> SCHEMA = Set.of("USAGE", "CREATE");
    private static final Set<String> ROUTINE = Set.of("EXECUTE");

    private Privileges() {
    }

    /** Validates the fields; returns the privileges upper-cased, sorted and distinct. */
    static List<String> check(String kind, String on, String schema, @Nullable String name, @Nullable String column,
                              String grantee, List<String> privileges) {
        Require.present(on, kind, "on");
        Require.present(schema, kind, "schema");
        Require.present(grantee, kind, "grantee");
        if (!Grant.KINDS.contains(on)) {
            throw new IllegalArgumentException(kind + " 'on' must be table, column, sequence or schema, not '" + on + "'");
        }
        if (!on.equals("schema")) {
            Require.present(name, kind + " on " + on, "name");
        }
        if (on.equals("column")) {
            Require.present(column, kind + " on column", "column");
        }
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException(kind + " requires 'privileges' (e.g. [SELECT])");
        }
        Set<String> allowed = switch (on) {
            case "column" -> COLUMN;
            case "sequence" -> SEQUENCE;
            case "schema" -> SCHEMA;
            case "function" -> ROUTINE;
            default -> TABLE;
        };
        List<String> normalized = privileges.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).distinct().sorted()
                .toList();
        for (String privilege : normalized) {
            if (!allowed.contains(privilege)) {
                throw new IllegalArgumentException(kind + ": " + privilege + " is not a privilege on a " + on
                        + " (one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return normalized;
    }

    /**
     * {@code SELECT, INSERT ON TABLE public.t}, {@code SELECT (c) ON TABLE public.t}, {@code USAGE ON SCHEMA s},
     * {@code EXECUTE ON ROUTINE public.f(integer)} (ROUTINE names a function or a procedure alike; the signature is
     * the server's own {@code regprocedure} text, whose identifiers the server already quoted).
     */
    static String clause(String on, String schema, @Nullable String name, @Nullable String column,
                         List<String> privileges) {
        String list = on.equals("column")
                ? String.join(", ", privileges.stream().map(p -> p + " (" + Identifiers.quote(column) + ")").toList())
                : String.join(", ", privileges);
        String object = switch (on) {
            case "schema" -> "SCHEMA " + Identifiers.quote(schema);
            case "sequence" -> "SEQUENCE " + Identifiers.qualify(schema, name);
            case "function" -> "ROUTINE " + name;
            default -> "TABLE " + Identifiers.qualify(schema, name);
        };
        return list + " ON " + object;
    }

    /** The role as GRANT and REVOKE name it: PUBLIC is a keyword, any other role a quoted identifier. */
    static String role(String grantee) {
        return grantee.equals("PUBLIC") ? "PUBLIC" : Identifiers.quote(grantee);
    }

    static @Nullable TableName table(String on, String schema, @Nullable String name) {
        return on.equals("table") || on.equals("column") ? new TableName(schema, name) : null;
    }

    static String describe(String on, String schema, @Nullable String name, @Nullable String column) {
        return switch (on) {
            case "schema" -> "schema " + schema;
            case "column" -> "column " + schema + "." + name + "." + column;
            case "function" -> "routine " + name;
            default -> on + " " + schema + "." + name;
        };
    }
}
