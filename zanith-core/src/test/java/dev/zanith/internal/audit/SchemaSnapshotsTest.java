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

/** A snapshot stored as a manifest of shared parts reads back, through the view, as the whole graph. */
@RealPostgres
class SchemaSnapshotsTest {

    private static final AuditTables TABLES = new AuditTables("public", "_zanith_");
    private final SchemaSnapshots snapshots = new SchemaSnapshots(TABLES);

    private static SchemaGraph read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new Introspector(IntrospectionOptions.of(List.of("app", "public"))).introspect(c).graph();
        }
    }

    /** Stores {@code graph} and checks the view's row against the whole graph's jsonb and the graph read back. */
    private void storedEqualsWhole(Connection c, String id, SchemaGraph graph) throws Exception {
        snapshots.save(c, id, SnapshotPhase.AFTER, graph);
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

    private static SchemaGraph richSchemaWithAuditTables(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            new MigrationHistory(TABLES).ensureTables(c);
        }
        db.execute(TestSchemas.RICH);
        return read(db);
    }

    private static long parts(Connection c) throws Exception {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM _zanith_schema_snapshot_parts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aGraphSharingObjectsWithTheLastOneSavedIsStoredAndFingerprintedAsAWhole(TestDatabase db) throws Exception {
        SchemaGraph first = richSchemaWithAuditTables(db);
        try (Connection c = db.connect()) {
            storedEqualsWhole(c, "1", first);
            db.execute("ALTER TABLE app.orders ADD COLUMN note text; CREATE TABLE app.a_first (id int);");
            SchemaGraph reread = read(db);
            // As a refresh hands the next graph on: the very objects of the last one for what did not change, new
            // ones for the changed and the added table. The parts of the shared objects are reused, not rewritten.
            SchemaGraph next = reread.withTables(reread.tables().stream()
                    .map(t -> first.tables().stream().filter(t::equals).findFirst().orElse(t)).toList())
                    .withViews(reread.views().stream()
                            .map(v -> first.views().stream().filter(v::equals).findFirst().orElse(v)).toList());
            assertThat(next.tables()).filteredOn(t -> first.tables().stream().anyMatch(f -> f == t))
                    .hasSize(first.tables().size() - 1);
            storedEqualsWhole(c, "2", next);
            // and once more with nothing changed, every object shared
            storedEqualsWhole(c, "3", next);
        }
    }

    @Test
    void aGraphStoredAsPartsReadsBackAsTheWholeGraphAndSharesUnchangedParts(TestDatabase db) throws Exception {
        SchemaGraph first = richSchemaWithAuditTables(db);
        try (Connection c = db.connect()) {
            storedEqualsWhole(c, "1", first);
            long firstParts = parts(c);
            assertThat(firstParts).isGreaterThanOrEqualTo(first.tables().size() + first.views().size());

            db.execute("ALTER TABLE app.orders ADD COLUMN note text; CREATE TABLE app.a_first (id int);"
                    + "CREATE TABLE public.zz_last (id int);");
            SchemaGraph second = read(db);
            storedEqualsWhole(c, "2", second);
            // the changed table and the two new ones; every other part is shared
            assertThat(parts(c)).isEqualTo(firstParts + 3);

            db.execute("""
                    DROP TABLE app.a_first;
                    CREATE FUNCTION app.shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
                    CREATE VIEW app.titles AS SELECT app.shout(email::text) AS t FROM app.accounts;
                    CREATE TYPE app.more AS ENUM ('x');
                    """);
            SchemaGraph third = read(db);
            storedEqualsWhole(c, "3", third);

            db.execute("DROP VIEW app.titles; DROP FUNCTION app.shout(text); DROP TABLE app.orders, app.accounts "
                    + "CASCADE; DROP TYPE app.more, app.status;");
            SchemaGraph fourth = read(db);
            assertThat(fourth.views()).isEmpty();
            storedEqualsWhole(c, "4", fourth);
            // a fresh instance (another run) finds the stored parts and sends none of them again
            long before = parts(c);
            new SchemaSnapshots(TABLES).save(c, "4x", SnapshotPhase.AFTER, third);
            assertThat(parts(c)).isEqualTo(before);
            storedEqualsWhole(c, "5", SchemaGraph.empty());
            storedEqualsWhole(c, "6", third);
        }
    }

    @Test
    void anUpgradeTheMigrationRoleMayNotDoSaysWhoCanAndChangesNothing(TestDatabase db) throws Exception {
        String owner = "zanith_snapshot_owner_" + ProcessHandle.current().pid();
        String migrator = "zanith_snapshot_migrator_" + ProcessHandle.current().pid();
        db.execute("DROP ROLE IF EXISTS " + owner + "; DROP ROLE IF EXISTS " + migrator + "; CREATE ROLE " + owner
                + " NOLOGIN; CREATE ROLE " + migrator + " LOGIN; GRANT CREATE ON SCHEMA public TO " + migrator + ";"
                + "CREATE TABLE public._zanith_schema_snapshots (id bigint GENERATED ALWAYS AS IDENTITY UNIQUE, "
                + "migration_id text NOT NULL, phase text NOT NULL, graph jsonb NOT NULL, fingerprint text NOT NULL, "
                + "model_count integer NOT NULL, field_count integer NOT NULL, captured_at timestamptz NOT NULL "
                + "DEFAULT now(), PRIMARY KEY (migration_id, phase));"
                + "ALTER TABLE public._zanith_schema_snapshots OWNER TO " + owner + ";"
                + "GRANT SELECT, INSERT ON public._zanith_schema_snapshots TO " + migrator);
        try (Connection c = db.connect()) {
            c.createStatement().execute("SET ROLE " + migrator);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MigrationHistory(TABLES).ensureTables(c))
                    .isInstanceOf(dev.zanith.api.exception.ZanithException.class)
                    .hasMessageContaining("only its owner can rename it")
                    .hasMessageContaining("OWNER TO " + migrator)
                    .hasMessageEndingWith("Nothing was changed.");
            c.createStatement().execute("RESET ROLE");
            try (var rs = c.createStatement().executeQuery("SELECT relkind::text FROM pg_class "
                    + "WHERE relname = '_zanith_schema_snapshots'")) {
                assertThat(rs.next() && rs.getString(1).equals("r")).isTrue();
            }
        } finally {
            db.execute("DROP TABLE IF EXISTS public._zanith_schema_snapshots; DROP OWNED BY " + migrator + ";"
                    + "DROP ROLE " + owner + "; DROP ROLE " + migrator);
        }
    }

    @Test
    void aCopyIsTheStoredRowAndNothingIsWrittenWithoutIt(TestDatabase db) throws Exception {
        db.execute(TestSchemas.RICH);
        SchemaGraph graph = read(db);
        try (Connection c = db.connect()) {
            new MigrationHistory(TABLES).ensureTables(c);
            assertThat(snapshots.copy(c, "2", SnapshotPhase.BEFORE, "1", SnapshotPhase.AFTER)).isFalse();
            assertThat(snapshots.list(c)).isEmpty();
            snapshots.save(c, "1", SnapshotPhase.AFTER, graph);
            assertThat(snapshots.copy(c, "2", SnapshotPhase.BEFORE, "1", SnapshotPhase.AFTER)).isTrue();
            assertThat(snapshots.find(c, "2", SnapshotPhase.BEFORE).orElseThrow().graph()).isEqualTo(graph);
            assertThat(snapshots.find(c, "2", SnapshotPhase.BEFORE).orElseThrow().info().fingerprint())
                    .isEqualTo(SchemaGraphJson.fingerprint(graph));
        }
    }

    @Test
    void aSnapshotsTableOfAnEarlierVersionBecomesRowsTheViewStillReads(TestDatabase db) throws Exception {
        db.execute(TestSchemas.RICH);
        SchemaGraph graph = read(db);
        String json = SchemaGraphJson.toCompactJson(graph);
        // the table as versions before the parts stored it: one whole graph per row
        db.execute("""
                CREATE TABLE public._zanith_schema_snapshots (
                    id bigint GENERATED ALWAYS AS IDENTITY UNIQUE, migration_id text NOT NULL,
                    phase text NOT NULL CHECK (phase IN ('before', 'after')), graph jsonb NOT NULL,
                    fingerprint text NOT NULL, model_count integer NOT NULL, field_count integer NOT NULL,
                    captured_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (migration_id, phase));
                """);
        String reader = "zanith_snapshot_reader_" + ProcessHandle.current().pid();
        db.execute("DROP ROLE IF EXISTS " + reader + "; CREATE ROLE " + reader + " NOLOGIN; "
                + "GRANT SELECT ON public._zanith_schema_snapshots TO " + reader);
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "_zanith_schema_snapshots (migration_id, phase, graph, fingerprint, model_count, field_count) "
                + "VALUES ('old', 'after', CAST(? AS jsonb), ?, 1, 1)")) {
            insert.setString(1, json);
            insert.setString(2, Checksums.sha256(json));
            insert.executeUpdate();
            new MigrationHistory(TABLES).ensureTables(c);
            new MigrationHistory(TABLES).ensureTables(c); // and again: nothing more to do
            assertThat(snapshots.find(c, "old", SnapshotPhase.AFTER).orElseThrow().graph()).isEqualTo(graph);
            storedEqualsWhole(c, "new", graph);
            assertThat(snapshots.copy(c, "copy", SnapshotPhase.BEFORE, "old", SnapshotPhase.AFTER)).isTrue();
            assertThat(snapshots.find(c, "copy", SnapshotPhase.BEFORE).orElseThrow().graph()).isEqualTo(graph);
            try (var rs = c.createStatement().executeQuery("SELECT relkind::text FROM pg_class "
                    + "WHERE relname = '_zanith_schema_snapshots'")) {
                assertThat(rs.next() && rs.getString(1).equals("v")).isTrue();
            }
            // whoever could read the table reads the view (a dashboard's role)
            try (var rs = c.createStatement().executeQuery("SELECT has_table_privilege('" + reader
                    + "', 'public._zanith_schema_snapshots', 'SELECT')")) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
        } finally {
            db.execute("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
        }
    }
}
