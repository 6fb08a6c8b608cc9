package dev.zanith.internal.audit;

import dev.zanith.TestSchemas;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot stored as its changes from an earlier one is the row storing the whole graph would give. */
@RealPostgres
class SchemaSnapshotsTest {

    private static final AuditTables TABLES = new AuditTables("public", "_zanith_");
    private final SchemaSnapshots snapshots = new SchemaSnapshots(TABLES);

    private static SchemaGraph read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.of(List.of("app", "public"))).introspect(c).graph();
        }
    }

    /** Stores {@code graph} derived from the row {@code baseId} and checks it against the whole graph's jsonb. */
    private void derivedEqualsWhole(TestDatabase db, String id, SchemaGraph graph, String baseId, SchemaGraph base)
            throws Exception {
        try (Connection c = db.connect()) {
            assertThat(snapshots.saveDerived(c, id, SnapshotPhase.AFTER, graph, baseId, SnapshotPhase.AFTER, base))
                    .as("derived from " + baseId).isTrue();
            String json = SchemaGraphJson.toCompactJson(graph);
            try (PreparedStatement same = c.prepareStatement("SELECT graph = CAST(? AS jsonb), fingerprint, "
                    + "model_count FROM _zanith_schema_snapshots WHERE migration_id = ? AND phase = 'after'")) {
                same.setString(1, json);
                same.setString(2, id);
                try (ResultSet rs = same.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).as(id + ": the stored graph").isTrue();
                    assertThat(rs.getString(2)).isEqualTo(Checksums.sha256(json));
                    assertThat(rs.getInt(3)).isEqualTo(graph.tables().size());
                }
            }
            assertThat(snapshots.find(c, id, SnapshotPhase.AFTER).orElseThrow().graph()).isEqualTo(graph);
        }
    }

    @Test
    void aGraphStoredAsItsChangesIsTheWholeGraph(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            new MigrationHistory(TABLES).ensureTables(c);
        }
        db.execute(TestSchemas.RICH);
        SchemaGraph first = read(db);
        try (Connection c = db.connect()) {
            snapshots.save(c, "1", SnapshotPhase.AFTER, first);
        }

        db.execute("ALTER TABLE app.orders ADD COLUMN note text; CREATE TABLE app.a_first (id int);"
                + "CREATE TABLE public.zz_last (id int);");
        SchemaGraph second = read(db);
        derivedEqualsWhole(db, "2", second, "1", first);

        db.execute("""
                DROP TABLE app.a_first;
                CREATE FUNCTION app.shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
                CREATE VIEW app.titles AS SELECT app.shout(email::text) AS t FROM app.accounts;
                CREATE TYPE app.more AS ENUM ('x');
                """);
        SchemaGraph third = read(db);
        derivedEqualsWhole(db, "3", third, "2", second);

        db.execute("DROP VIEW app.titles; DROP FUNCTION app.shout(text); DROP TABLE app.orders, app.accounts "
                + "CASCADE; DROP TYPE app.more, app.status;");
        SchemaGraph fourth = read(db);
        assertThat(fourth.views()).isEmpty();
        derivedEqualsWhole(db, "4", fourth, "3", third);

        // several new tables at one place, one at the start, one at the end, and a change in between
        db.execute("CREATE TABLE public.m_1 (id int); CREATE TABLE public.m_2 (id int); CREATE TABLE public.m_3 (id int);"
                + "CREATE TABLE public.a (id int); CREATE TABLE public.zzz (id int);");
        SchemaGraph many = read(db);
        assertThat(GraphChanges.between(fourth, many).edits()).isEqualTo(5);
        derivedEqualsWhole(db, "4b", many, "4", fourth);
        db.execute("DROP TABLE public.m_2; ALTER TABLE public.m_3 ADD COLUMN x int; CREATE TABLE public.m_25 (id int);"
                + "DROP TABLE public.a;");
        SchemaGraph mixed = read(db);
        assertThat(GraphChanges.between(many, mixed).edits()).isEqualTo(4);
        derivedEqualsWhole(db, "4c", mixed, "4b", many);
        // more edits than pay off: the whole graph is stored
        assertThat(GraphChanges.between(mixed, third).edits()).isGreaterThan(SchemaSnapshots.MAX_EDITS);
        derivedEqualsWhole(db, "4d", third, "4c", mixed);

        // nothing changed: an unchanged copy
        derivedEqualsWhole(db, "5", fourth, "4", fourth);
        // and from the empty graph to a whole one
        try (Connection c = db.connect()) {
            snapshots.save(c, "6", SnapshotPhase.AFTER, SchemaGraph.empty());
        }
        derivedEqualsWhole(db, "7", third, "6", SchemaGraph.empty());
    }

    @Test
    void nothingIsWrittenWithoutTheEarlierRow(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            new MigrationHistory(TABLES).ensureTables(c);
            assertThat(snapshots.saveDerived(c, "2", SnapshotPhase.AFTER, SchemaGraph.empty(), "1",
                    SnapshotPhase.AFTER, SchemaGraph.empty())).isFalse();
            assertThat(snapshots.list(c)).isEmpty();
        }
    }
}
