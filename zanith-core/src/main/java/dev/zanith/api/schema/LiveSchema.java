package dev.zanith.api.schema;

import java.util.Map;

/** What introspection read from a live database: the graph, the server, and statistics beside the graph. */
public record LiveSchema(String database, ServerVersion server, SchemaGraph graph,
                         Map<TableName, TableStatistics> statistics) {

    public LiveSchema {
        statistics = Map.copyOf(statistics);
    }

    public TableStatistics statistics(TableName table) {
        return statistics.getOrDefault(table, TableStatistics.UNKNOWN);
    }

    public String fingerprint() {
        return SchemaGraphJson.fingerprint(graph);
    }
}
