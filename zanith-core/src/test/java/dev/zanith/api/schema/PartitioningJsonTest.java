package dev.zanith.api.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON form of partitioned tables: {@code partitioning} after the table's other properties, partitions in canonical
 * order, nothing written for an ordinary table (so graphs written before partitioned tables were modelled read back
 * unchanged, as ordinary tables).
 */
class PartitioningJsonTest {

    private static final Table EVENTS = Table.of("public", "events", List.of(Column.of("at", "date", true)))
            .withPartitioning(new Partitioning("RANGE (at)", List.of(
                    Partition.of("public", "events_2026_02", "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"),
                    new Partition("public", "events_2026_01", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')",
                            new Partitioning("LIST (region)", List.of(Partition.of("public", "events_2026_01_rest",
                                    "DEFAULT")))))));

    @Test
    void aPartitionedTableRoundTripsInCanonicalOrder() {
        SchemaGraph graph = SchemaGraph.empty().withTables(List.of(EVENTS));
        String json = SchemaGraphJson.toJson(graph);
        assertThat(json.indexOf("events_2026_01")).as("partitions sorted by name").isLessThan(json.indexOf("events_2026_02"));
        assertThat(json).contains("\"key\" : \"RANGE (at)\"").doesNotContain("\"default\"");
        assertThat(SchemaGraphJson.fromJson(json, "test.json")).isEqualTo(graph);
        assertThat(SchemaGraphJson.toJson(SchemaGraphJson.fromJson(json, "test.json"))).isEqualTo(json);
    }

    @Test
    void anOrdinaryTableWritesNoPartitioningAndAnOlderGraphReadsAsOrdinaryTables() {
        SchemaGraph graph = SchemaGraph.empty().withTables(List.of(Table.of("public", "t", List.of(Column.of("id", "int", false)))));
        assertThat(SchemaGraphJson.toJson(graph)).doesNotContain("partitioning");
        String older = """
                {"format": "zanith.schema-graph/1", "schemas": ["public"],
                 "tables": [{"schema": "public", "name": "t", "columns": [{"name": "id", "type": "integer"}]}]}
                """;
        Table t = SchemaGraphJson.fromJson(older, "older.json").tables().get(0);
        assertThat(t.partitioning()).isNull();
        assertThat(t.partitioned()).isFalse();
    }
}
