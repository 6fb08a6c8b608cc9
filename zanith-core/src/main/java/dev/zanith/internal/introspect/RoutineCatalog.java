package dev.zanith.internal.introspect;

import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.Trigger;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads routines (functions and procedures), triggers and event triggers, one set-based query each, in the caller's snapshot and
 * with its search path (only {@code pg_catalog}, so every name comes out schema-qualified).
 */
final class RoutineCatalog {

    private RoutineCatalog() {
    }

    /** The routines of {@code schemas} (aggregates and extension members left out). */
    static List<Routine> routines(Connection c, List<String> schemas) throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/routines.sql"), rs -> new Routine(rs.getString("schema_name"),
                rs.getString("routine_name"), rs.getString("signature"), rs.getString("kind"), rs.getString("arguments"),
                rs.getString("result"), rs.getString("language"), rs.getString("definition"), Jdbc.strings(rs, "depends_on")),
                Jdbc.textArray(c, schemas), Jdbc.textArray(c, schemas));
    }

    /** The user triggers on the tables of {@code schemas} that introspection shows (not prefix-named ones). */
    static List<Trigger> triggers(Connection c, List<String> schemas, String excludedPrefix) throws SQLException {
        return triggers(c, schemas, excludedPrefix, TableScope.ALL);
    }

    /** As {@link #triggers(Connection, List, String)}, only on the tables of {@code scope}. */
    static List<Trigger> triggers(Connection c, List<String> schemas, String excludedPrefix, TableScope scope)
            throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/triggers.sql"), rs -> new Trigger(rs.getString("schema_name"),
                rs.getString("table_name"), rs.getString("trigger_name"), rs.getString("definition"),
                rs.getString("function_signature"), enabled(rs.getString("enabled"))),
                TableScope.concat(new Object[]{excludedPrefix, Jdbc.textArray(c, schemas)}, scope.parameters(c)));
    }

    /** The connected role's event triggers whose function lives in one of {@code schemas}. */
    static List<EventTrigger> eventTriggers(Connection c, List<String> schemas) throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/event-triggers.sql"), rs -> new EventTrigger(
                rs.getString("trigger_name"), rs.getString("event"), Jdbc.strings(rs, "tags"),
                rs.getString("function_signature"), enabled(rs.getString("enabled"))), Jdbc.textArray(c, schemas));
    }

    private static String enabled(String code) {
        return switch (code) {
            case "D" -> Trigger.DISABLED;
            case "R" -> Trigger.REPLICA;
            case "A" -> Trigger.ALWAYS;
            default -> Trigger.ORIGIN;
        };
    }
}
