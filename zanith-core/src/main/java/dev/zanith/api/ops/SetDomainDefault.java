package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER DOMAIN ... SET DEFAULT, or DROP DEFAULT when {@code defaultExpression} is null. Only values inserted later
 * see it; no row is touched.
 */
public record SetDomainDefault(TableName domain, @Nullable String defaultExpression, @Nullable String previous)
        implements Operation {

    public SetDomainDefault {
        Require.present(domain, "setDomainDefault", "domain");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_DOMAIN_DEFAULT;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER DOMAIN " + domain.sql() + (defaultExpression == null ? " DROP DEFAULT"
                : " SET DEFAULT " + defaultExpression));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetDomainDefault(domain, previous, defaultExpression));
    }

    @Override
    public String summary() {
        return defaultExpression == null ? "drop default of domain " + domain
                : "set default of domain " + domain + " to " + defaultExpression;
    }
}
