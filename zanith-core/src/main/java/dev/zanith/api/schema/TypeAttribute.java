package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of a composite type, as {@code pg_attribute} holds it.
 *
 * @param type      as {@code format_type()} prints it ({@code text}, {@code numeric(12,2)}, {@code public.email})
 * @param collation its collation when it differs from the type's, else null
 */
public record TypeAttribute(String name, String type, @Nullable String collation) {

    public TypeAttribute {
        Lists.require(name, "type attribute name");
        Lists.require(type, "type of attribute " + name);
    }
}
