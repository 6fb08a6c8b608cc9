package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A domain ({@code CREATE DOMAIN}), read from {@code pg_type} (typtype {@code d}) and {@code pg_constraint}.
 *
 * @param baseType          the type under it as {@code format_type()} prints it ({@code numeric(12,2)},
 *                          {@code public.other_domain})
 * @param collation         its collation when it differs from the base type's ({@code "C"}, {@code myschema.x}),
 *                          else null
 * @param defaultExpression its default as {@code pg_type.typdefault} holds it, or null
 * @param notNull           {@code NOT NULL}
 * @param constraints       its CHECK constraints, sorted by name
 */
public record Domain(String schema, String name, String baseType, @Nullable String collation,
                     @Nullable String defaultExpression, boolean notNull, List<DomainConstraint> constraints) {

    public Domain {
        Lists.require(schema, "domain schema");
        Lists.require(name, "domain name");
        Lists.require(baseType, "base type of domain " + name);
        constraints = Lists.sorted(constraints, Comparator.comparing(DomainConstraint::name));
    }

    /** The type name as {@code format_type()} spells it in column types ({@code public.email}). */
    public String sqlName() {
        return Identifiers.qualify(schema, name);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    public Domain withConstraints(List<DomainConstraint> values) {
        return new Domain(schema, name, baseType, collation, defaultExpression, notNull, values);
    }

    public Domain withDefault(@Nullable String value) {
        return new Domain(schema, name, baseType, collation, value, notNull, constraints);
    }

    public Domain withNotNull(boolean value) {
        return new Domain(schema, name, baseType, collation, defaultExpression, value, constraints);
    }
}
