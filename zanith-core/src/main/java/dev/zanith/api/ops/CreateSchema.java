package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE SCHEMA. */
public record CreateSchema(String schema) implements Operation {

    public CreateSchema {
        Require.present(schema, "createSchema", "schema");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_SCHEMA;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("the schema is left in place; drop it by hand once empty");
    }

    @Override
    public String summary() {
        return "create schema " + schema;
    }
}
