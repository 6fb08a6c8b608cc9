package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TABLE ... ENABLE [REPLICA | ALWAYS] TRIGGER.
 *
 * @param mode     {@code origin} (plain ENABLE, the default), {@code replica} or {@code always}
 * @param previous the state it had ({@code disabled}, or another mode), for the reversal; null when not recorded
 */
public record EnableTrigger(TableName table, String name, @Nullable String mode, @Nullable String previous)
        implements Operation {

    public EnableTrigger {
        Require.present(table, "enableTrigger", "table");
        Require.present(name, "enableTrigger", "name");
        mode = mode == null ? Trigger.ORIGIN : mode;
        if (!java.util.List.of(Trigger.ORIGIN, Trigger.REPLICA, Trigger.ALWAYS).contains(mode)) {
            throw new IllegalArgumentException("enableTrigger: 'mode' must be origin, replica or always, not " + mode);
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ENABLE_TRIGGER;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(RoutineDdl.enabled(table.sql(), name, mode));
    }

    @Override
    public Reversal reverse() {
        if (previous == null) {
            return Reversal.irreversible("the previous state is not recorded in this file");
        }
        return Reversal.of(previous.equals(Trigger.DISABLED) ? new DisableTrigger(table, name, mode)
                : new EnableTrigger(table, name, previous, mode));
    }

    @Override
    public String summary() {
        return "enable trigger " + Identifiers.quote(name) + " on " + table
                + (Trigger.ORIGIN.equals(mode) ? "" : " (" + mode + ")");
    }
}
