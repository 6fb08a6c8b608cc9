package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An enum type; {@code values} are in their sort order. */
public record EnumType(String schema, String name, List<String> values, @Nullable String comment) {

    public EnumType {
        Lists.require(schema, "enum schema");
        Lists.require(name, "enum name");
        values = Lists.copy(values);
    }

    /** The type name as {@code format_type()} spells it in column types ({@code public.mood}). */
    public String sqlName() {
        return Identifiers.qualify(schema, name);
    }
}
