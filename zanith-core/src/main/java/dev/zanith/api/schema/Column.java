package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

/**
 * A column (a "field"). {@code type} is exactly as {@code format_type()} prints it with only
 * {@code pg_catalog} on the search path, so user types are schema-qualified ({@code public.mood}).
 *
 * @param defaultExpression the default as {@code pg_get_expr()} prints it, or null
 * @param identity          identity details, or null
 * @param generated         generated-column details, or null
 * @param collation         the collation when it differs from the type's default, or null
 * @param comment           the column comment, or null
 */
public record Column(String name, String type, boolean notNull, @Nullable String defaultExpression,
                     @Nullable Identity identity, @Nullable GeneratedColumn generated, @Nullable String collation,
                     @Nullable String comment) {

    public Column {
        Lists.require(name, "column name");
        Lists.require(type, "column type of " + name);
    }

    /** A plain column with no default, identity, generation, collation or comment. */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, notNull, null, null, null, null, null);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultExpression, identity, generated, collation, comment);
    }

    public Column withDefault(@Nullable String expression) {
        return new Column(name, type, notNull, expression, identity, generated, collation, comment);
    }

    public Column withType(String newType) {
        return new Column(name, newType, notNull, defaultExpression, identity, generated, collation, comment);
    }

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultExpression, identity, generated, collation, comment);
    }

    public Column withComment(@Nullable String newComment) {
        return new Column(name, type, notNull, defaultExpression, identity, generated, collation, newComment);
    }
}
