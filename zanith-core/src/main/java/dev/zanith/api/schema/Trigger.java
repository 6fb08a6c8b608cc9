package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A user trigger on a table (not an internal one: foreign keys' triggers are the constraint's business). Its
 * identity is table and name.
 *
 * @param definition the normal form, {@code pg_get_triggerdef} read with only {@code pg_catalog} on the search path:
 *                   {@code CREATE TRIGGER t BEFORE UPDATE ON public.users FOR EACH ROW WHEN (...) EXECUTE FUNCTION
 *                   public.touch()} — timing (BEFORE, AFTER, INSTEAD OF), events, FOR EACH ROW or STATEMENT, WHEN,
 *                   transition tables and arguments all live in it
 * @param function   the function it executes, as {@code regprocedure} spells it ({@code public.touch()}): the
 *                   {@link Routine#signature()} it depends on
 * @param enabled    when it fires ({@code pg_trigger.tgenabled}): {@code origin} (ENABLE: in the origin and local
 *                   replication roles, the default), {@code replica} (ENABLE REPLICA), {@code always} (ENABLE ALWAYS)
 *                   or {@code disabled}
 */
public record Trigger(String schema, String table, String name, String definition, String function, String enabled) {

    public static final String ORIGIN = "origin";
    public static final String REPLICA = "replica";
    public static final String ALWAYS = "always";
    public static final String DISABLED = "disabled";

    public Trigger {
        Lists.require(schema, "trigger schema");
        Lists.require(table, "trigger table");
        Lists.require(name, "trigger name");
        Lists.require(definition, "definition of trigger " + name);
        Lists.require(function, "function of trigger " + name);
        enabled = enabled == null ? ORIGIN : enabled;
        if (!java.util.List.of(ORIGIN, REPLICA, ALWAYS, DISABLED).contains(enabled)) {
            throw new IllegalArgumentException("trigger " + name + ": enabled must be origin, replica, always or "
                    + "disabled, not " + enabled);
        }
    }

    /** Reads a trigger; left out, {@code enabled} means origin (as CREATE TRIGGER leaves it). */
    @JsonCreator
    static Trigger json(@JsonProperty("schema") String schema, @JsonProperty("table") String table,
                        @JsonProperty("name") String name, @JsonProperty("definition") String definition,
                        @JsonProperty("function") String function, @JsonProperty("enabled") @Nullable String enabled) {
        return new Trigger(schema, table, name, definition, function, enabled);
    }

    public TableName qualifiedTable() {
        return new TableName(schema, table);
    }

    /** A constraint trigger ({@code CREATE CONSTRAINT TRIGGER}), which CREATE OR REPLACE cannot replace. */
    public boolean constraintTrigger() {
        return definition.startsWith("CREATE CONSTRAINT TRIGGER");
    }

    /** The same trigger with another enabled state. */
    public Trigger withEnabled(String state) {
        return new Trigger(schema, table, name, definition, function, state);
    }

    /** The same trigger on a renamed table: its definition names the table, so it follows. */
    public Trigger onTable(String newTable) {
        String from = " ON " + qualifiedTable().sql() + " ";
        String to = " ON " + new TableName(schema, newTable).sql() + " ";
        return new Trigger(schema, newTable, name, definition.replace(from, to), function, enabled);
    }
}
