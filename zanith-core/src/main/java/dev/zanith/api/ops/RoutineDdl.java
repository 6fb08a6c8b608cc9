package dev.zanith.api.ops;

import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.Trigger;
import dev.zanith.internal.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The SQL of the routine and trigger operations (the rest of the DDL lives in {@link Ddl}). */
final class RoutineDdl {

    /**
     * Function bodies are not checked at creation (as pg_dump restores them): a body may name a table or another
     * routine that a later step of the same plan creates; the declared schema was compiled on a shadow already.
     */
    static final String UNCHECKED_BODIES = "SET LOCAL check_function_bodies = off";

    /** A regprocedure spelling: a (qualified) name, then the argument types in parentheses, nothing after. */
    private static final Pattern SIGNATURE = Pattern.compile("(?:\"(?:[^\"]|\"\")+\"|[^\"();]+)"
            + "(?:\\.(?:\"(?:[^\"]|\"\")+\"|[^\"();.]+))?\\([^;]*\\)");

    private RoutineDdl() {
    }

    static String signature(String signature, String kind) {
        Require.present(signature, kind, "signature");
        if (!SIGNATURE.matcher(signature).matches()) {
            throw new IllegalArgumentException(kind + ": 'signature' must be a routine's name and argument types, "
                    + "as regprocedure prints them (public.touch(), public.f(integer,text)), not " + signature);
        }
        return signature;
    }

    /** The server's definition (CREATE OR REPLACE ...), made to fail on an existing routine unless {@code replace}. */
    static Statements create(Routine routine, boolean replace) {
        String definition = routine.definition().strip();
        if (!replace) {
            definition = definition.replaceFirst("^CREATE OR REPLACE ", "CREATE ");
        } else if (!definition.startsWith("CREATE OR REPLACE ")) {
            definition = definition.replaceFirst("^CREATE ", "CREATE OR REPLACE ");
        }
        return Statements.of(UNCHECKED_BODIES, definition);
    }

    static String drop(String signature) {
        // DROP ROUTINE takes functions and procedures alike; no CASCADE: what still uses it makes the step fail.
        return "DROP ROUTINE " + signature;
    }

    static Statements createTrigger(Trigger trigger, boolean replace) {
        List<String> sql = new ArrayList<>();
        String definition = trigger.definition().strip();
        sql.add(replace ? definition.replaceFirst("^CREATE TRIGGER ", "CREATE OR REPLACE TRIGGER ") : definition);
        if (!trigger.enabled().equals(Trigger.ORIGIN)) {
            sql.add(enabled(trigger.qualifiedTable().sql(), trigger.name(), trigger.enabled()));
        }
        return Statements.of(sql);
    }

    /** ALTER TABLE ... ENABLE [REPLICA | ALWAYS] | DISABLE TRIGGER. */
    static String enabled(String table, String trigger, String state) {
        String clause = switch (state) {
            case Trigger.DISABLED -> "DISABLE TRIGGER ";
            case Trigger.REPLICA -> "ENABLE REPLICA TRIGGER ";
            case Trigger.ALWAYS -> "ENABLE ALWAYS TRIGGER ";
            default -> "ENABLE TRIGGER ";
        };
        return "ALTER TABLE " + table + " " + clause + Identifiers.quote(trigger);
    }

    static String what(Routine routine) {
        return routine.kind() + " " + routine.signature();
    }
}
