package dev.zanith.api.ops;

import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE DOMAIN, with its default, NOT NULL and CHECK constraints. */
public record CreateDomain(Domain domain) implements Operation {

    public CreateDomain {
        Require.present(domain, "createDomain", "domain");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_DOMAIN;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(TypeDdl.createDomain(domain));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropDomain(domain.qualifiedName(), domain));
    }

    @Override
    public String summary() {
        return "create domain " + domain.qualifiedName() + " (" + domain.baseType() + ")";
    }
}
