package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** ALTER DOMAIN ... VALIDATE CONSTRAINT: checks the values stored in every column of the domain. */
public record ValidateDomainConstraint(TableName domain, String name) implements Operation {

    public ValidateDomainConstraint {
        Require.present(domain, "validateDomainConstraint", "domain");
        Require.present(name, "validateDomainConstraint", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.VALIDATE_DOMAIN_CONSTRAINT;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning("ALTER DOMAIN " + domain.sql() + " VALIDATE CONSTRAINT " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("validation only checks values; there is nothing to undo");
    }

    @Override
    public String summary() {
        return "validate constraint " + name + " of domain " + domain;
    }
}
