package dev.zanith.api.ops;

import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER DOMAIN ... ADD CONSTRAINT ... CHECK; {@code notValid} defers checking the values already stored in columns
 * of the domain to a {@link ValidateDomainConstraint} in its own transaction.
 */
public record AddDomainConstraint(TableName domain, DomainConstraint constraint, boolean notValid)
        implements Operation {

    public AddDomainConstraint {
        Require.present(domain, "addDomainConstraint", "domain");
        Require.present(constraint, "addDomainConstraint", "constraint");
        constraint = constraint.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_DOMAIN_CONSTRAINT;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = TypeDdl.addDomainConstraint(domain, constraint, notValid);
        return notValid ? Statements.of(sql) : Statements.longRunning(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropDomainConstraint(domain, constraint.name(), constraint));
    }

    @Override
    public String summary() {
        return "add constraint " + constraint.name() + " to domain " + domain + " " + constraint.definition()
                + (notValid ? " not valid" : "");
    }
}
