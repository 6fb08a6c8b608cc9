package dev.zanith.api.schema;

import dev.zanith.internal.sql.Identifiers;

/**
 * An extended statistics object ({@code CREATE STATISTICS}, {@code pg_statistic_ext}).
 *
 * @param tableSchema the schema of the table it is on
 * @param table       the table it is on
 * @param definition  the statement as {@code pg_get_statisticsobjdef()} prints it with only {@code pg_catalog} on the
 *                    search path: {@code CREATE STATISTICS public.s (ndistinct) ON a, b FROM public.t} (kinds are
 *                    listed only when not all were asked for; expressions come parenthesized)
 */
public record StatisticsObject(String schema, String name, String tableSchema, String table, String definition) {

    public StatisticsObject {
        Lists.require(schema, "statistics schema");
        Lists.require(name, "statistics name");
        Lists.require(tableSchema, "statistics table schema");
        Lists.require(table, "statistics table");
        Lists.require(definition, "definition of statistics " + name);
    }

    /** {@code public.s}. */
    public String sqlName() {
        return Identifiers.qualify(schema, name);
    }

    public TableName qualifiedName() {
        return new TableName(schema, name);
    }

    public TableName qualifiedTable() {
        return new TableName(tableSchema, table);
    }
}
