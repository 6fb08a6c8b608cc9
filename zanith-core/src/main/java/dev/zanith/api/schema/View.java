package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A view or a materialized view, as the server normalizes it.
 *
 * @param definition   the query as {@code pg_get_viewdef()} prints it (read with only {@code pg_catalog} on the
 *                     search path, so every name is schema-qualified), without a trailing semicolon
 * @param materialized true for a materialized view
 * @param columns      the output columns in their order, with their types as {@code format_type()} spells them
 *                     (from {@code pg_attribute}) and their comments ({@code COMMENT ON COLUMN}); names and types
 *                     decide whether {@code CREATE OR REPLACE VIEW} can apply a new definition (same leading columns
 *                     with the same types, new ones only appended)
 * @param options      {@code WITH (...)} options as stored in {@code pg_class.reloptions}, e.g.
 *                     {@code check_option=local}, {@code security_barrier=true} (views) or {@code fillfactor=70}
 *                     (materialized views), in the server's order
 * @param withNoData   for a materialized view: true when it is not populated ({@code pg_class.relispopulated} is
 *                     false, as after {@code WITH NO DATA}); always false for a view
 * @param indexes      the indexes of a materialized view (a view has none), sorted by name
 * @param dependsOn    the tables, views and materialized views the definition reads, with the columns it uses
 *                     (from {@code pg_depend} on the view's {@code pg_rewrite} rule), sorted by name; they order
 *                     drops and creates and tell which column changes force a drop and re-create
 * @param comment      {@code COMMENT ON VIEW} / {@code MATERIALIZED VIEW}, or null
 * @param routines     the signatures of the routines (of the introspected schemas) the definition calls, sorted (from
 *                     {@code pg_depend} on the view's rule, like {@code dependsOn}); a routine dropped and created
 *                     again takes the view along, since the server refuses to drop a routine a view calls
 */
public record View(String schema, String name, boolean materialized, String definition, List<ViewColumn> columns,
                   List<String> options, boolean withNoData, List<Index> indexes, List<ViewDependency> dependsOn,
                   @Nullable String comment, List<String> routines) {

    public View {
        Lists.require(schema, "view schema");
        Lists.require(name, "view name");
        Lists.require(definition, "view definition of " + name);
        columns = Lists.copy(columns);
        options = Lists.copy(options);
        indexes = Lists.sorted(indexes, Comparator.comparing(Index::name));
        dependsOn = Lists.sorted(dependsOn, Comparator.comparing(ViewDependency::relation));
        routines = Lists.sorted(routines, String::compareTo);
        if (!materialized && (withNoData || !indexes.isEmpty())) {
            throw new IllegalArgumentException("view " + schema + "." + name
                    + ": only a materialized view can be WITH NO DATA or have indexes");
        }
    }

    /** A view that calls no routine. */
    public View(String schema, String name, boolean materialized, String definition, List<ViewColumn> columns,
                List<String> options, boolean withNoData, List<Index> indexes, List<ViewDependency> dependsOn,
                @Nullable String comment) {
        this(schema, name, materialized, definition, columns, options, withNoData, indexes, dependsOn, comment,
                List.of());
    }

    /**
     * One output column of a view.
     *
     * @param type    the type as {@code format_type()} spells it
     * @param comment {@code COMMENT ON COLUMN}, or null (and then absent from JSON, as in graphs written before view
     *                columns had comments)
     */
    public record ViewColumn(String name, String type, @Nullable String comment) {
        public ViewColumn {
            Lists.require(name, "view column name");
            Lists.require(type, "view column type");
        }

        /** A column without a comment. */
        public ViewColumn(String name, String type) {
            this(name, type, null);
        }

        /** The same column with another comment (null: none). */
        public ViewColumn withComment(@Nullable String newComment) {
            return new ViewColumn(name, type, newComment);
        }
    }

    /**
     * A relation a view reads.
     *
     * @param relation the table, view or materialized view
     * @param columns  the columns of it the view uses, sorted (empty when it uses none by name, e.g. {@code count(*)})
     */
    public record ViewDependency(TableName relation, List<String> columns) {
        public ViewDependency {
            if (relation == null) {
                throw new IllegalArgumentException("a view dependency needs a relation");
            }
            columns = Lists.sorted(columns, String::compareTo);
        }
    }

    /** A plain view over {@code definition}, with nothing else known (for hand-built graphs and tests). */
    public static View of(String schema, String name, String definition) {
        return new View(schema, name, false, definition, List.of(), List.of(), false, List.of(), List.of(), null);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    /** "view" or "materialized view": how SQL and messages name this kind. */
    @JsonIgnore
    public String kindName() {
        return materialized ? "materialized view" : "view";
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public View withIndexes(List<Index> newIndexes) {
        return new View(schema, name, materialized, definition, columns, options, withNoData, newIndexes, dependsOn,
                comment, routines);
    }

    /** The comment on column {@code column}; null when it has none or the view has no such column. */
    public @Nullable String columnComment(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst().map(ViewColumn::comment).orElse(null);
    }

    /**
     * The columns' names and types in their order, without their comments: what {@code CREATE [OR REPLACE] VIEW}
     * decides and what decides whether it can replace the view in place.
     */
    @JsonIgnore
    public List<ViewColumn> columnShapes() {
        return columns.stream().map(c -> c.withComment(null)).toList();
    }

    /**
     * This view with each column's comment taken from {@code commented}'s column of the same name (none where it has
     * no such column; all gone for a null {@code commented}): what a view created or replaced in place has, since
     * {@code CREATE VIEW} sets no column comment and {@code CREATE OR REPLACE VIEW} keeps those of the columns it
     * keeps.
     */
    public View withColumnCommentsOf(@Nullable View commented) {
        List<ViewColumn> newColumns = columns.stream()
                .map(c -> c.withComment(commented == null ? null : commented.columnComment(c.name()))).toList();
        return newColumns.equals(columns) ? this : new View(schema, name, materialized, definition, newColumns, options,
                withNoData, indexes, dependsOn, comment, routines);
    }

    /** This view with {@code comment} (null: none) on its column {@code column}. */
    public View withColumnComment(String column, @Nullable String newComment) {
        return new View(schema, name, materialized, definition, columns.stream()
                .map(c -> c.name().equals(column) ? c.withComment(newComment) : c).toList(), options, withNoData,
                indexes, dependsOn, comment, routines);
    }

    public View withComment(@Nullable String newComment) {
        return new View(schema, name, materialized, definition, columns, options, withNoData, indexes, dependsOn,
                newComment, routines);
    }

    public View withPopulated(boolean populated) {
        return new View(schema, name, materialized, definition, columns, options, materialized && !populated, indexes,
                dependsOn, comment, routines);
    }
}
