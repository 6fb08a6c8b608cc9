package dev.zanith.internal.introspect;

import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitioned tables as introspection reads them: the key as {@code pg_get_partkeydef} prints it, each partition under its
 * parent with the bound {@code pg_get_expr(relpartbound)} prints (range, list, hash, default; sub-partitions nested), no
 * partition among the graph's tables, the parent's size summed over its leaves; and an incremental refresh that
 * re-reads a parent when one of its partitions (at any depth) is added, detached or re-bounded.
 */
@RealPostgres
class PartitionIntrospectionTest {

    private static final String SCHEMA = """
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

    /**
     * Applies {@code ddl}, refreshes, and checks the result against a full read; a table that becomes a partition or
     * stops being one (attach, detach) changes what the graph's table list holds, which takes a full read, as a soft
     * drop or restore does.
     */
    private TrackedSchema step(Connection c, TrackedSchema previous, String ddl, boolean expectFullRead)
            throws SQLException {
        Jdbc.execute(c, ddl);
        TrackedSchema refreshed = introspector.refresh(c, previous);
        assertThat(refreshed.graph()).as("after: %s", ddl).isEqualTo(introspector.introspect(c).graph());
        assertThat(refreshed.fullReads()).as("full reads after: %s", ddl)
                .isEqualTo(previous.fullReads() + (expectFullRead ? 1 : 0));
        return refreshed;
    }

    @Test
    void aChangedPartitionAtAnyDepthRereadsItsParent(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            TrackedSchema s = introspector.introspectTracked(c);
            s = step(c, s, "CREATE TABLE public.events_2026_02 PARTITION OF public.events "
                    + "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')", false);
            s = step(c, s, "CREATE TABLE public.events_2026_q2_us PARTITION OF public.events_2026_q2 FOR VALUES IN ('us')", false);
            s = step(c, s, "ALTER TABLE public.events DETACH PARTITION public.events_2026_02", true);
            s = step(c, s, "ALTER TABLE public.events ATTACH PARTITION public.events_2026_02 "
                    + "FOR VALUES FROM ('2026-02-01') TO ('2026-04-01')", true);
            s = step(c, s, "ALTER TABLE public.buckets ADD COLUMN note text", false);
            s = step(c, s, "DROP TABLE public.events_2026_q2_us", false);
            assertThat(s.graph().table(new TableName("public", "events")).orElseThrow().partitioning().partition(
                    new TableName("public", "events_2026_02")).orElseThrow().bound())
                    .isEqualTo("FOR VALUES FROM ('2026-02-01') TO ('2026-04-01')");
        }
    }
}
