package dev.zanith.internal.introspect;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.ExclusionConstraint;
import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schema graph's domains, composite and range types, exclusion constraints and extended statistics: one
 * set-based query per kind (SQL in {@code sql/introspect/type-*.sql}, {@code exclusion-constraints.sql},
 * {@code statistics-objects.sql}), extension-owned objects left out. Runs inside the caller's snapshot, with only
 * {@code pg_catalog} on the search path, so every type, function and table name comes out qualified.
 */
final class TypeCatalog {

    private TypeCatalog() {
    }

    /** {@code graph} with the types of {@code schemas} and the table-level objects read now. */
    static SchemaGraph read(Connection c, SchemaGraph graph, List<String> schemas, String prefix) throws SQLException {
        return tableObjects(c, types(c, graph, schemas), schemas, prefix);
    }

    /** {@code graph} with domains, composite types and range types of {@code schemas} read now. */
    static SchemaGraph types(Connection c, SchemaGraph graph, List<String> schemas) throws SQLException {
        Array names = Jdbc.textArray(c, schemas);
        List<Domain> domains = Jdbc.query(c, SqlResources.get("introspect/type-domains.sql"), rs -> {
            List<String> constraintNames = Jdbc.strings(rs, "constraint_names");
            List<String> definitions = Jdbc.strings(rs, "constraint_definitions");
            Boolean[] validated = (Boolean[]) rs.getArray("constraint_validated").getArray();
            List<DomainConstraint> constraints = new ArrayList<>();
            for (int i = 0; i < constraintNames.size(); i++) {
                constraints.add(new DomainConstraint(constraintNames.get(i), definitions.get(i), validated[i]));
            }
            return new Domain(rs.getString("schema_name"), rs.getString("domain_name"), rs.getString("base_type"),
                    rs.getString("collation_name"), rs.getString("default_expression"), rs.getBoolean("not_null"),
                    constraints);
        }, names);
        Map<TableName, List<TypeAttribute>> composites = new LinkedHashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/type-composites.sql"), rs -> {
            List<TypeAttribute> attributes = composites.computeIfAbsent(
                    new TableName(rs.getString("schema_name"), rs.getString("type_name")), k -> new ArrayList<>());
            if (rs.getString("attribute_name") != null) {
                attributes.add(new TypeAttribute(rs.getString("attribute_name"), rs.getString("attribute_type"),
                        rs.getString("collation_name")));
            }
            return null;
        }, names);
        List<RangeType> ranges = Jdbc.query(c, SqlResources.get("introspect/type-ranges.sql"),
                rs -> new RangeType(rs.getString("schema_name"), rs.getString("type_name"), rs.getString("subtype"),
                        rs.getString("subtype_opclass"), rs.getString("collation_name"), rs.getString("canonical"),
                        rs.getString("subtype_diff"), rs.getString("multirange_name")), names);
        return graph.withDomains(domains)
                .withCompositeTypes(composites.entrySet().stream().map(e -> new CompositeType(e.getKey().schema(),
                        e.getKey().name(), e.getValue())).toList())
                .withRangeTypes(ranges);
    }

    /** {@code graph} with the exclusion constraints and extended statistics of {@code schemas} read now. */
    static SchemaGraph tableObjects(Connection c, SchemaGraph graph, List<String> schemas, String prefix)
            throws SQLException {
        Array names = Jdbc.textArray(c, schemas);
        List<ExclusionConstraint> exclusions = Jdbc.query(c, SqlResources.get("introspect/exclusion-constraints.sql"),
                rs -> new ExclusionConstraint(rs.getString("schema_name"), rs.getString("table_name"),
                        rs.getString("constraint_name"), rs.getString("definition")), prefix, names);
        List<StatisticsObject> statistics = Jdbc.query(c, SqlResources.get("introspect/statistics-objects.sql"),
                rs -> new StatisticsObject(rs.getString("schema_name"), rs.getString("statistics_name"),
                        rs.getString("table_schema"), rs.getString("table_name"), rs.getString("definition")),
                prefix, names);
        return graph.withExclusionConstraints(exclusions).withStatistics(statistics);
    }
}
