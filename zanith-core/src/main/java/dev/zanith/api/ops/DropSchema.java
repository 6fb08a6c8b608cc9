package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * DROP SCHEMA, never CASCADE: the steps before it have dropped what the schema held, so it fails rather than
 * take anything unexpected (objects of other kinds Zanith does not manage, parked data) with it.
 */
public record DropSchema(String schema) implements Operation {

    public DropSchema {
        Require.present(schema, "dropSchema", "schema");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_SCHEMA;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " RESTRICT");
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new CreateSchema(schema));
    }

    @Override
    public String summary() {
        return "drop schema " + schema;
    }
}
