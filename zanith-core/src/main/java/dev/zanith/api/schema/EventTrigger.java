package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An event trigger owned by the role Zanith connects as (database-wide, so only the migration role's own are in
 * scope; an extension's are left out). There is no {@code pg_get_*def} for event triggers: the fields are
 * {@code pg_event_trigger}'s.
 *
 * @param event    {@code ddl_command_start}, {@code ddl_command_end}, {@code sql_drop}, {@code table_rewrite} or
 *                 {@code login} (PostgreSQL 17+)
 * @param tags     the command tags of its {@code WHEN TAG IN (...)} filter, sorted; empty for every command
 * @param function the function it executes, as {@code regprocedure} spells it ({@code public.audit_ddl()})
 * @param enabled  {@code origin}, {@code replica}, {@code always} or {@code disabled}, as for {@link Trigger}
 */
public record EventTrigger(String name, String event, List<String> tags, String function, String enabled) {

    public EventTrigger {
        Lists.require(name, "event trigger name");
        Lists.require(event, "event of event trigger " + name);
        Lists.require(function, "function of event trigger " + name);
        tags = Lists.sorted(tags, String::compareTo);
        enabled = enabled == null ? Trigger.ORIGIN : enabled;
        if (!List.of(Trigger.ORIGIN, Trigger.REPLICA, Trigger.ALWAYS, Trigger.DISABLED).contains(enabled)) {
            throw new IllegalArgumentException("event trigger " + name + ": enabled must be origin, replica, always or "
                    + "disabled, not " + enabled);
        }
    }

    /** Reads an event trigger; left out, {@code enabled} means origin and {@code tags} none. */
    @com.fasterxml.jackson.annotation.JsonCreator
    static EventTrigger json(@com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                             @com.fasterxml.jackson.annotation.JsonProperty("event") String event,
                             @com.fasterxml.jackson.annotation.JsonProperty("tags") @Nullable List<String> tags,
                             @com.fasterxml.jackson.annotation.JsonProperty("function") String function,
                             @com.fasterxml.jackson.annotation.JsonProperty("enabled") @Nullable String enabled) {
        return new EventTrigger(name, event, tags, function, enabled);
    }
}
