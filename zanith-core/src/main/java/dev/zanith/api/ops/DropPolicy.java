package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP POLICY. */
public record DropPolicy(TableName table, String name, @Nullable Policy definition) implements Operation {

    public DropPolicy {
        Require.present(table, "dropPolicy", "table");
        Require.present(name, "dropPolicy", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_POLICY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP POLICY IF EXISTS " + Identifiers.quote(name) + " ON " + table.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the policy definition is not recorded in this file")
                : Reversal.of(new CreatePolicy(table, definition));
    }

    @Override
    public String summary() {
        return "drop policy " + name + " on " + table;
    }
}
