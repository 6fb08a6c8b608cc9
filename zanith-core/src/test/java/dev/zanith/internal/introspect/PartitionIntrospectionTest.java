package dev.zanith.internal.introspect;

import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitioned tables as introspection reads them: the key as {@code pg_get_partkeydef} prints it, each partition under its
 * parent with the bound {@code pg_get_expr(relpartbound)} prints (range, list, hash, default; sub-partitions nested), no
 * partition among the graph's tables, the parent's size summed over its leaves. (Incremental refresh:
 * {@link IncrementalIntrospectionTest}.)
 */
@RealPostgres
class PartitionIntrospectionTest {

    static final String SCHEMA = """
            CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, region text) PARTITION BY RANGE (at);
            CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
            CREATE TABLE public.events_2026_q2 PARTITION OF public.events FOR VALUES FROM ('2026-04-01') TO ('2026-07-01')
              PARTITION BY LIST (region);
            CREATE TABLE public.events_2026_q2_eu PARTITION OF public.events_2026_q2 FOR VALUES IN ('de', 'fr');
            CREATE TABLE public.events_2026_q2_rest PARTITION OF public.events_2026_q2 DEFAULT;
            CREATE INDEX events_region_idx ON public.events (region);
            CREATE TABLE public.buckets (id bigint NOT NULL) PARTITION BY HASH (id);
            CREATE TABLE public.buckets_0 PARTITION OF public.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE public.plain (id int);
            INSERT INTO public.events SELECT g, DATE '2026-01-01' + g % 31, 'de' FROM generate_series(1, 1000) g;
            ANALYZE;
            """;

    private final Introspector introspector = new Introspector(IntrospectionOptions.defaults());

    @Test
    void partitionsHangUnderTheirParentWithTheServersBounds(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        LiveSchema live;
        try (Connection c = db.connect()) {
            live = introspector.introspect(c);
        }
        SchemaGraph graph = live.graph();
        assertThat(graph.tables()).extracting(Table::name).containsExactly("buckets", "events", "plain");
        Table events = graph.table(new TableName("public", "events")).orElseThrow();
        assertThat(events.partitioning()).isEqualTo(new Partitioning("RANGE (at)", List.of(
                Partition.of("public", "events_2026_01", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"),
                new Partition("public", "events_2026_q2", "FOR VALUES FROM ('2026-04-01') TO ('2026-07-01')",
                        new Partitioning("LIST (region)", List.of(
                                Partition.of("public", "events_2026_q2_eu", "FOR VALUES IN ('de', 'fr')"),
                                Partition.of("public", "events_2026_q2_rest", "DEFAULT")))))));
        assertThat(events.columns()).hasSize(3);
        assertThat(events.indexes()).extracting(i -> i.name() + " " + i.keys() + " " + i.valid())
                .containsExactly("events_region_idx [region] true");
        assertThat(graph.table(new TableName("public", "buckets")).orElseThrow().partitioning().partitions())
                .containsExactly(Partition.of("public", "buckets_0", "FOR VALUES WITH (modulus 2, remainder 0)"));
        assertThat(graph.table(new TableName("public", "plain")).orElseThrow().partitioning()).isNull();
        assertThat(live.statistics(new TableName("public", "events")).estimatedRows())
                .as("a partitioned table's rows are its leaves'").isEqualTo(1000);
    }
}
