package dev.zanith.internal.introspect;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;

import java.util.Map;

/**
 * A schema graph together with the catalog versions it was read at, so that {@link Introspector#refresh} can later
 * re-read only the tables whose catalog rows changed since. Graph, versions and table oids come from one read-only
 * transaction (one snapshot of the catalogs).
 *
 * @param graph        the schema graph, as {@link Introspector#introspect} would have read it at that moment
 * @param tablesByOid  the graph's tables by {@code pg_class} oid
 * @param versions     the catalog versions read in the same snapshot
 * @param fullReads    how many full introspections produced this graph since the tracking began (1 for the first
 *                     reading; a refresh that had to read everything adds one) — for logs and tests
 */
public record TrackedSchema(SchemaGraph graph, Map<Long, Table> tablesByOid, CatalogVersions versions, int fullReads) {

    public TrackedSchema {
        tablesByOid = Map.copyOf(tablesByOid);
    }
}
