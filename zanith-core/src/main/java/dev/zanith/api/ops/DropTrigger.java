package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** DROP TRIGGER. */
public record DropTrigger(TableName table, String name, @Nullable Trigger definition) implements Operation {

    public DropTrigger {
        Require.present(table, "dropTrigger", "table");
        Require.present(name, "dropTrigger", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_TRIGGER;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP TRIGGER IF EXISTS " + Identifiers.quote(name) + " ON " + table.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the trigger definition is not recorded in this file")
                : Reversal.of(new CreateTrigger(definition));
    }

    @Override
    public String summary() {
        return "drop trigger " + name + " on " + table;
    }
}
