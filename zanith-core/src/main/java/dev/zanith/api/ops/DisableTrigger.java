package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TABLE ... DISABLE TRIGGER: the trigger stays defined but no longer fires.
 *
 * @param previous the mode it fired in ({@code origin}, {@code replica}, {@code always}), for the reversal; null when
 *                 not recorded
 */
public record DisableTrigger(TableName table, String name, @Nullable String previous) implements Operation {

    public DisableTrigger {
        Require.present(table, "disableTrigger", "table");
        Require.present(name, "disableTrigger", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DISABLE_TRIGGER;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(RoutineDdl.enabled(table.sql(), name, Trigger.DISABLED));
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.irreversible("the previous state is not recorded in this file")
                : Reversal.of(new EnableTrigger(table, name, previous, Trigger.DISABLED));
    }

    @Override
    public String summary() {
        return "disable trigger " + name + " on " + table;
    }
}
