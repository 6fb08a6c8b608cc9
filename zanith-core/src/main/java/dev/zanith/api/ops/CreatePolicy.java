package dev.zanith.api.ops;

import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.TableName;

/** CREATE POLICY. */
public record CreatePolicy(TableName table, Policy policy) implements Operation {

    public CreatePolicy {
        Require.present(table, "createPolicy", "table");
        Require.present(policy, "createPolicy", "policy");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_POLICY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.createPolicy(table, policy));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropPolicy(table, policy.name(), policy));
    }

    @Override
    public String summary() {
        return "create policy " + policy.name() + " on " + table + " for " + policy.command().toLowerCase();
    }
}
