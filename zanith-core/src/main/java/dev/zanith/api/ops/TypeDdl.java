package dev.zanith.api.ops;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;
import dev.zanith.internal.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The DDL of domains, composite and range types (beside {@link Ddl}, which renders tables and their parts). */
final class TypeDdl {

    private TypeDdl() {
    }

    /**
     * CREATE DOMAIN with its default, NOT NULL and validated CHECKs inline; a constraint the model holds as not yet
     * validated is added {@code NOT VALID} by a second statement, so the result is what was read.
     */
    static List<String> createDomain(Domain d) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(d.sqlName()).append(" AS ").append(d.baseType());
        if (d.collation() != null) {
            sql.append(" COLLATE ").append(Ddl.collation(d.collation()));
        }
        if (d.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(d.defaultExpression());
        }
        if (d.notNull()) {
            sql.append(" NOT NULL");
        }
        List<String> out = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (DomainConstraint c : d.constraints()) {
            if (c.validated()) {
                sql.append(" CONSTRAINT ").append(Identifiers.quote(c.name())).append(' ').append(c.definition());
            } else {
                later.add(addDomainConstraint(d.qualifiedName(), c, true));
            }
        }
        out.add(sql.toString());
        out.addAll(later);
        return out;
    }

    static String addDomainConstraint(TableName domain, DomainConstraint c, boolean notValid) {
        return "ALTER DOMAIN " + domain.sql() + " ADD CONSTRAINT " + Identifiers.quote(c.name()) + " " + c.definition()
                + (notValid ? " NOT VALID" : "");
    }

    static String attribute(TypeAttribute a) {
        return Identifiers.quote(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE "
                + Ddl.collation(a.collation()));
    }

    static String createComposite(CompositeType t) {
        return "CREATE TYPE " + t.sqlName() + " AS (" + t.attributes().stream().map(TypeDdl::attribute)
                .collect(Collectors.joining(", ")) + ")";
    }

    static String createRange(RangeType r) {
        StringBuilder sql = new StringBuilder("CREATE TYPE ").append(r.sqlName()).append(" AS RANGE (SUBTYPE = ")
                .append(r.subtype()).append(", SUBTYPE_OPCLASS = ").append(qualified(r.subtypeOpclass()));
        if (r.collation() != null) {
            sql.append(", COLLATION = ").append(Ddl.collation(r.collation()));
        }
        if (r.canonical() != null) {
            sql.append(", CANONICAL = ").append(qualified(r.canonical()));
        }
        if (r.subtypeDiff() != null) {
            sql.append(", SUBTYPE_DIFF = ").append(qualified(r.subtypeDiff()));
        }
        if (r.multirange() != null) {
            sql.append(", MULTIRANGE_TYPE_NAME = ").append(Identifiers.qualify(r.schema(), r.multirange()));
        }
        return sql.append(")").toString();
    }

    /** {@code schema.name} of an operator class or function, each part quoted when necessary. */
    private static String qualified(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? Identifiers.quote(name) : Identifiers.qualify(name.substring(0, dot), name.substring(dot + 1));
    }
}
