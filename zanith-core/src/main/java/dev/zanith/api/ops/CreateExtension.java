package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** CREATE EXTENSION (idempotent). */
public record CreateExtension(String name, @Nullable String schema) implements Operation {

    public CreateExtension {
        Require.present(name, "createExtension", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_EXTENSION;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(name)
                + (schema == null ? "" : " SCHEMA " + Identifiers.quote(schema)));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropExtension(name, schema));
    }

    @Override
    public String summary() {
        return "create extension " + name;
    }
}
