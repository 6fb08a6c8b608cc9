package dev.zanith.api.ops;

import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP DOMAIN of a domain no column uses any more (without CASCADE: it fails while one does). */
public record DropDomain(TableName domain, @Nullable Domain definition) implements Operation {

    public DropDomain {
        Require.present(domain, "dropDomain", "domain");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_DOMAIN;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP DOMAIN IF EXISTS " + domain.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the domain's definition is not recorded in this file")
                : Reversal.of(new CreateDomain(definition));
    }

    @Override
    public String summary() {
        return "drop domain " + domain;
    }
}
