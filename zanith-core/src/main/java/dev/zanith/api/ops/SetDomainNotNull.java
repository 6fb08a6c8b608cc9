package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER DOMAIN ... SET NOT NULL ({@code notNull} true: every column of the domain is checked) or DROP NOT NULL.
 */
public record SetDomainNotNull(TableName domain, boolean notNull) implements Operation {

    public SetDomainNotNull {
        Require.present(domain, "setDomainNotNull", "domain");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_DOMAIN_NOT_NULL;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = "ALTER DOMAIN " + domain.sql() + (notNull ? " SET NOT NULL" : " DROP NOT NULL");
        return notNull ? Statements.longRunning(sql) : Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetDomainNotNull(domain, !notNull));
    }

    @Override
    public String summary() {
        return (notNull ? "set" : "drop") + " not null on domain " + domain;
    }
}
