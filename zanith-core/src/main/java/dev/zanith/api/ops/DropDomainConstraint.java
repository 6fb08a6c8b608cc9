package dev.zanith.api.ops;

import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** ALTER DOMAIN ... DROP CONSTRAINT. */
public record DropDomainConstraint(TableName domain, String name, @Nullable DomainConstraint definition)
        implements Operation {

    public DropDomainConstraint {
        Require.present(domain, "dropDomainConstraint", "domain");
        Require.present(name, "dropDomainConstraint", "name");
        definition = definition == null ? null : definition.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_DOMAIN_CONSTRAINT;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER DOMAIN " + domain.sql() + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the constraint definition is not recorded in this file")
                : Reversal.of(new AddDomainConstraint(domain, definition, true),
                new ValidateDomainConstraint(domain, name));
    }

    @Override
    public String summary() {
        return "drop constraint " + name + " of domain " + domain;
    }
}
