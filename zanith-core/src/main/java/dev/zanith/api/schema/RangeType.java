package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A range type ({@code CREATE TYPE ... AS RANGE}), read from {@code pg_range}. Names of operator classes and
 * functions are schema-qualified.
 *
 * @param subtype        the element type as {@code format_type()} prints it
 * @param subtypeOpclass the b-tree operator class ordering the subtype ({@code pg_catalog.float8_ops})
 * @param collation      the collation when it differs from the subtype's, else null
 * @param canonical      the canonical function, or null
 * @param subtypeDiff    the subtype difference function, or null
 * @param multirange     the multirange type PostgreSQL made for it (14+), or null
 */
public record RangeType(String schema, String name, String subtype, String subtypeOpclass, @Nullable String collation,
                        @Nullable String canonical, @Nullable String subtypeDiff, @Nullable String multirange) {

    public RangeType {
        Lists.require(schema, "range type schema");
        Lists.require(name, "range type name");
        Lists.require(subtype, "subtype of range type " + name);
        Lists.require(subtypeOpclass, "subtype operator class of range type " + name);
    }

    /** The type name as {@code format_type()} spells it in column types ({@code public.floatrange}). */
    public String sqlName() {
        return Identifiers.qualify(schema, name);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }
}
