package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;

import java.util.List;

/**
 * A composite type ({@code CREATE TYPE ... AS (...)}): a {@code pg_type} of typtype {@code c} whose relation
 * is of relkind {@code c} (a table's row type is not one). {@code attributes} keep their physical order.
 */
public record CompositeType(String schema, String name, List<TypeAttribute> attributes) {

    public CompositeType {
        Lists.require(schema, "composite type schema");
        Lists.require(name, "composite type name");
        attributes = Lists.copy(attributes);
    }

    /** The type name as {@code format_type()} spells it in column types ({@code public.address}). */
    public String sqlName() {
        return Identifiers.qualify(schema, name);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    public CompositeType withAttributes(List<TypeAttribute> values) {
        return new CompositeType(schema, name, values);
    }
}
