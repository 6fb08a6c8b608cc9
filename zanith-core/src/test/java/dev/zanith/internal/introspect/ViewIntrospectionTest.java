package dev.zanith.internal.introspect;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Views and materialized views as introspection reads them: the server's normal form of the query, options, columns,
 * what each reads, a materialized view's indexes and populated state, comments; their JSON form; incremental
 * reading; and verify's replay no longer recreating them from the catalog.
 */
@RealPostgres
class ViewIntrospectionTest {

    private static final String SCHEMA = """
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(12,2), status text);
            CREATE VIEW paid WITH (security_barrier = true) AS
                SELECT id, total AS amount FROM orders WHERE total > 0 WITH LOCAL CHECK OPTION;
            CREATE VIEW big_paid AS SELECT id FROM paid WHERE amount > 100;
            CREATE MATERIALIZED VIEW stats WITH (fillfactor = 70) AS
                SELECT status, count(*) AS n FROM orders GROUP BY status WITH NO DATA;
            CREATE UNIQUE INDEX stats_status ON stats (status);
            COMMENT ON VIEW paid IS 'orders with money';
            COMMENT ON COLUMN paid.amount IS 'what was paid';
            COMMENT ON MATERIALIZED VIEW stats IS 'per status';
            CREATE VIEW _zanith_internal AS SELECT 1 AS one;
            """;

    /** Runs each of {@code ddl} and refreshes after it, checking every refresh against a full read. */
    private static TrackedSchema refreshedAfterEach(Connection c, Introspector introspector, TrackedSchema start,
                                                    List<String> ddl) throws Exception {
        TrackedSchema s = start;
        for (String statement : ddl) {
            Jdbc.execute(c, statement);
            s = introspector.refresh(c, s);
            assertThat(s.graph()).as("after %s", statement).isEqualTo(introspector.introspect(c).graph());
        }
        return s;
    }

    private static SchemaGraph read(Connection c) throws Exception {
        return new Introspector(IntrospectionOptions.defaults()).introspect(c).graph();
    }

    @Test
    void readsViewsInTheServersNormalForm(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            SchemaGraph graph = read(c);
            assertThat(graph.views()).extracting(View::name).containsExactly("big_paid", "paid", "stats");

            View paid = graph.view(new TableName("public", "paid")).orElseThrow();
            assertThat(paid.materialized()).isFalse();
            // pg_get_viewdef with only pg_catalog on the search path: qualified, no trailing semicolon.
            assertThat(paid.definition()).contains("FROM public.orders").contains("total AS amount")
                    .doesNotEndWith(";");
            assertThat(paid.options()).containsExactly("security_barrier=true", "check_option=local");
            assertThat(paid.columns()).containsExactly(new View.ViewColumn("id", "bigint"),
                    new View.ViewColumn("amount", "numeric(12,2)", "what was paid"));
            assertThat(paid.dependsOn()).containsExactly(new View.ViewDependency(new TableName("public", "orders"),
                    List.of("id", "total")));
            assertThat(paid.comment()).isEqualTo("orders with money");

            View bigPaid = graph.view(new TableName("public", "big_paid")).orElseThrow();
            assertThat(bigPaid.dependsOn()).containsExactly(new View.ViewDependency(new TableName("public", "paid"),
                    List.of("amount", "id")));

            View stats = graph.view(new TableName("public", "stats")).orElseThrow();
            assertThat(stats.materialized()).isTrue();
            assertThat(stats.withNoData()).isTrue();
            assertThat(stats.options()).containsExactly("fillfactor=70");
            assertThat(stats.indexes()).extracting(Index::name, Index::unique).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("stats_status", true));
            assertThat(stats.dependsOn()).containsExactly(new View.ViewDependency(new TableName("public", "orders"),
                    List.of("status")));

            Jdbc.execute(c, "REFRESH MATERIALIZED VIEW stats");
            assertThat(read(c).view(new TableName("public", "stats")).orElseThrow().withNoData()).isFalse();
        }
    }

    @Test
    void viewsSurviveTheJsonFormAndOlderJsonWithoutViewsStillLoads(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            SchemaGraph graph = read(c);
            String json = SchemaGraphJson.toJson(graph);
            assertThat(json).contains("\"views\"");
            assertThat(SchemaGraphJson.fromJson(json, "test")).isEqualTo(graph);
            assertThat(SchemaGraphJson.toJson(SchemaGraphJson.fromJson(json, "test"))).isEqualTo(json);
            // a column's comment is written only where there is one, so snapshots from before they were read still load
            assertThat(json).contains("\"comment\" : \"what was paid\"").doesNotContain(": null");
            String withoutColumnComments = SchemaGraphJson.toJson(graph.withViews(graph.views().stream()
                    .map(v -> v.withColumnCommentsOf(null)).toList()));
            assertThat(withoutColumnComments).doesNotContain("what was paid");
            assertThat(SchemaGraphJson.fromJson(withoutColumnComments, "older").view(new TableName("public", "paid"))
                    .orElseThrow().columns()).extracting(View.ViewColumn::comment).containsOnlyNulls();
            // A snapshot written before views were modelled: no "views" property at all.
            SchemaGraph withoutViews = graph.withViews(List.of());
            String older = SchemaGraphJson.toJson(withoutViews);
            assertThat(older).doesNotContain("\"views\"");
            assertThat(SchemaGraphJson.fromJson(older, "older").views()).isEmpty();
        }
    }

    @Test
    void snapshotDiffsNameViewChanges(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            SchemaGraph before = read(c);
            Jdbc.execute(c, "DROP VIEW big_paid; CREATE VIEW recent AS SELECT id FROM orders WHERE id > 10;"
                    + "REFRESH MATERIALIZED VIEW stats");
            List<String> lines = dev.zanith.api.output.SnapshotDiff.between(before, read(c)).others();
            assertThat(lines).hasSize(3).contains("view public.big_paid: removed");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("view public.recent: added (view) SELECT")
                    .contains("FROM public.orders"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("view public.stats: changed (materialized view)")
                    .contains("WITH NO DATA -- per status ->").endsWith("[indexes: stats_status] -- per status"));
        }
    }

    @Test
    void aRefreshAfterAViewOnlyChangeReadsTheViewsAgain(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2));");
        Introspector introspector = new Introspector(IntrospectionOptions.defaults());
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            TrackedSchema s = refreshedAfterEach(c, introspector, introspector.introspectTracked(c), List.of(
                    "CREATE VIEW v AS SELECT id FROM orders",
                    "CREATE OR REPLACE VIEW v AS SELECT id, total FROM orders",
                    "COMMENT ON VIEW v IS 'x'",
                    "COMMENT ON COLUMN v.total IS 'y'",
                    "CREATE OR REPLACE VIEW v AS SELECT id, total, total * 2 AS double FROM orders",
                    "COMMENT ON COLUMN v.total IS NULL",
                    "CREATE MATERIALIZED VIEW m AS SELECT count(*) AS n FROM orders WITH NO DATA",
                    "REFRESH MATERIALIZED VIEW m",
                    "CREATE UNIQUE INDEX m_n ON m (n)",
                    "COMMENT ON COLUMN m.n IS 'how many'",
                    "DROP VIEW v"));
            assertThat(s.graph().views()).extracting(View::name).containsExactly("m");
            assertThat(s.fullReads()).isEqualTo(1);
        }
    }

    /**
     * A refresh keeps the views unless their own catalog rows changed (the attachments version) or one reads a changed
     * table (its text spells the table's columns); a view reading a relation no version covers (here a table of a
     * schema not introspected) is read again every time. Each result equals a full read.
     */
    @Test
    void aRefreshReadsTheViewsAgainWhenTheyOrWhatTheyReadChanged(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2));
                CREATE TABLE other (id bigint PRIMARY KEY);
                CREATE SCHEMA outside;
                CREATE TABLE outside.rates (code text, rate numeric);
                CREATE VIEW v AS SELECT id, total FROM orders;
                CREATE MATERIALIZED VIEW m AS SELECT count(*) AS n FROM orders WITH NO DATA;
                CREATE UNIQUE INDEX m_n ON m (n);
                """);
        Introspector introspector = new Introspector(IntrospectionOptions.defaults());
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            TrackedSchema s = introspector.introspectTracked(c);
            assertThat(introspector.refresh(c, s)).as("nothing changed").isSameAs(s);
            s = refreshedAfterEach(c, introspector, s, List.of("ALTER TABLE other ADD COLUMN note text",
                    "ALTER TABLE orders RENAME COLUMN total TO amount",
                    "ALTER TABLE orders ADD COLUMN note text",
                    "ALTER VIEW v RENAME COLUMN total TO money",
                    "ALTER VIEW v SET (security_barrier = true)",
                    "ALTER INDEX m_n RENAME TO m_by_n",
                    "REFRESH MATERIALIZED VIEW m",
                    "COMMENT ON MATERIALIZED VIEW m IS 'count'",
                    "COMMENT ON MATERIALIZED VIEW m IS NULL",
                    "CREATE VIEW w AS SELECT code, rate FROM outside.rates",
                    "ALTER TABLE outside.rates RENAME COLUMN rate TO factor",
                    "DROP INDEX m_by_n",
                    "DROP VIEW w"));
            assertThat(s.graph().views()).extracting(View::name).containsExactly("m", "v");
            assertThat(s.fullReads()).isEqualTo(1);
        }
    }

    @Test
    void viewsAnExtensionOwnsAreLeftOut(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assumeTrue(Jdbc.queryFirst(c, "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pg_buffercache'",
                    rs -> true).orElse(false), "pg_buffercache (an extension that creates views) is not available here");
            Jdbc.execute(c, "CREATE EXTENSION pg_buffercache; CREATE VIEW mine AS SELECT 1 AS one");
            assertThat(read(c).views()).extracting(View::name).containsExactly("mine");
        }
    }

    @Test
    void verifysReplayNoLongerRecreatesViewsFromTheCatalog(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            LiveDefinitions definitions = LiveDefinitions.read(c, IntrospectionOptions.defaults());
            assertThat(definitions.afterTables()).extracting(LiveDefinitions.Definition::object)
                    .noneMatch(o -> o.contains("view") || o.contains("stats"));
        }
    }
}
