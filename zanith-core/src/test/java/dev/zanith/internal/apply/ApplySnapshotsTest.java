package dev.zanith.internal.apply;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.step.StepHook;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.command.Apply;
import dev.zanith.api.ops.RawSqlScript;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshots of a run that reads the schema once and then only what each migration touched: every "after"
 * graph equals a full introspection of the live database at the moment it is reported, and every "before" is
 * the previous migration's "after", stored as the same graph.
 */
@RealPostgres
class ApplySnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void afterSnapshotsEqualAFullReadAndBeforeIsThePreviousAfter(TestDatabase db) throws Exception {
        db.execute("""
                CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
                CREATE TABLE audit_trail (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
                INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 5) g;
                """);
        ApplyFixture f = new ApplyFixture(db, dir)
                .migration("001_projects", """
                          - createTable:
                              table:
                                schema: public
                                name: projects
                                columns:
                                  - {name: id, type: bigint, notNull: true}
                                  - {name: account_id, type: bigint, notNull: true}
                                primaryKey: {name: projects_pkey, columns: [id]}
                          - addForeignKey:
                              table: public.projects
                              foreignKey:
                                name: projects_account_fk
                                columns: [account_id]
                                referencedSchema: public
                                referencedTable: accounts
                                referencedColumns: [id]
                        """)
                .migration("002_rename", """
                          - renameColumn:
                              table: public.accounts
                              column: name
                              newName: title
                        """)
                .migration("003_backfill", """
                          - backfill:
                              table: public.accounts
                              set: {title: upper(title)}
                              where: title = lower(title)
                        """);
        Files.writeString(dir.resolve("004_index.sql"), "CREATE INDEX accounts_title_idx ON accounts (title);\n");
        // other kinds than tables change (stored as replaced properties), a table goes away, one comes
        Files.writeString(dir.resolve("005_view.sql"), """
                CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
                CREATE VIEW account_titles AS SELECT id, shout(title) AS title FROM accounts;
                """);
        Files.writeString(dir.resolve("006_swap.sql"), "DROP TABLE audit_trail; CREATE TABLE archive (id bigint);\n");
        Files.writeString(dir.resolve("007_unview.sql"), "DROP VIEW account_titles; DROP FUNCTION shout(text);\n");
        // grants lock nothing (the refresh finds the rows they wrote), also from a subtransaction
        Files.writeString(dir.resolve("008_grants.sql"), """
                GRANT SELECT ON accounts TO PUBLIC;
                DO $$ BEGIN GRANT UPDATE (title) ON accounts TO PUBLIC; EXCEPTION WHEN OTHERS THEN RAISE; END $$;
                """);
        // statement by statement, outside any observed transaction: every table's version is compared
        Files.writeString(dir.resolve("009_concurrently.sql"), RawSqlScript.DIRECTIVE + "\n"
                + "CREATE INDEX CONCURRENTLY archive_id_idx ON archive (id);\nALTER TABLE projects ADD COLUMN note text;\n");
        Files.writeString(dir.resolve("010_revoke.sql"), "REVOKE SELECT ON accounts FROM PUBLIC;\n");

        Introspector full = new Introspector(IntrospectionOptions.defaults().skippingMissingSchemas());
        List<String> mismatches = new ArrayList<>();
        List<String> afters = new ArrayList<>();
        Map<String, String> fullJson = new java.util.LinkedHashMap<>();
        ApplyListener checking = new ApplyListener() {
            @Override
            public void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
                if (phase != SnapshotPhase.AFTER) {
                    return;
                }
                afters.add(migration.id());
                try (Connection c = db.connect()) {
                    SchemaGraph read = full.introspect(c).graph();
                    if (!graph.equals(read)) {
                        mismatches.add(migration.id());
                    }
                    fullJson.put(migration.id(), SchemaGraphJson.toCompactJson(read));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ApplyResult result = new Apply(dev.zanith.TestSettings.of(f.config().build()), checking, ApplyGuard.ALLOW_ALL, StepHook.NONE).run();

        assertThat(result.succeeded()).as(String.valueOf(result)).isTrue();
        assertThat(afters).containsExactly("001_projects", "002_rename", "003_backfill", "004_index", "005_view",
                "006_swap", "007_unview", "008_grants", "009_concurrently", "010_revoke");
        assertThat(mismatches).as("after snapshots that differ from a full introspection").isEmpty();
        // Stored as changes from the snapshot before, each row is what storing the whole graph would give.
        try (Connection c = db.connect(); var same = c.prepareStatement("SELECT graph = CAST(? AS jsonb) AND "
                + "fingerprint = ? FROM _zanith_schema_snapshots WHERE migration_id = ? AND phase = 'after'")) {
            for (Map.Entry<String, String> after : fullJson.entrySet()) {
                same.setString(1, after.getValue());
                same.setString(2, dev.zanith.internal.Checksums.sha256(after.getValue()));
                same.setString(3, after.getKey());
                try (var rs = same.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).as(after.getKey()).isTrue();
                }
            }
        }
        // Each before is the previous after, the very same graph (and the first before the schema as found).
        assertThat(f.rows("""
                SELECT b.migration_id, b.fingerprint = a.fingerprint AND b.graph = a.graph AS same
                FROM _zanith_schema_snapshots b
                JOIN _zanith_schema_snapshots a ON a.phase = 'after' AND a.id = (
                    SELECT max(p.id) FROM _zanith_schema_snapshots p WHERE p.phase = 'after' AND p.id < b.id)
                WHERE b.phase = 'before' ORDER BY b.id
                """)).containsExactly(Map.of("migration_id", "002_rename", "same", true),
                Map.of("migration_id", "003_backfill", "same", true), Map.of("migration_id", "004_index", "same", true),
                Map.of("migration_id", "005_view", "same", true), Map.of("migration_id", "006_swap", "same", true),
                Map.of("migration_id", "007_unview", "same", true), Map.of("migration_id", "008_grants", "same", true),
                Map.of("migration_id", "009_concurrently", "same", true),
                Map.of("migration_id", "010_revoke", "same", true));
        assertThat(f.value("SELECT graph -> 'tables' -> 0 -> 'columns' -> 1 ->> 'name' FROM _zanith_schema_snapshots "
                + "WHERE migration_id = '004_index' AND phase = 'after'")).isEqualTo("title");
        assertThat(f.value("SELECT graph -> 'views' -> 0 ->> 'name' FROM _zanith_schema_snapshots "
                + "WHERE migration_id = '005_view' AND phase = 'after'")).isEqualTo("account_titles");
        assertThat(f.value("SELECT graph -> 'views' IS NOT NULL FROM _zanith_schema_snapshots "
                + "WHERE migration_id = '007_unview' AND phase = 'after'")).isEqualTo(false);
    }

    @Test
    void largePartsAreStoredWithLz4WhereTheServerHasIt(TestDatabase db) throws Exception {
        // a table of 120 columns is a part of several kilobytes: large enough to be compressed
        db.execute("""
                DO $$ BEGIN
                  EXECUTE 'CREATE TABLE wide (id bigint PRIMARY KEY, '
                      || (SELECT string_agg(format('column_number_%s text', i), ', ') FROM generate_series(1, 120) i)
                      || ')';
                END $$;
                """);
        ApplyFixture f = new ApplyFixture(db, dir).migration("001_more", """
                  - addColumn:
                      table: public.wide
                      column: {name: d, type: text}
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        boolean lz4 = Boolean.TRUE.equals(f.value("SELECT 'lz4' = ANY (enumvals) FROM pg_settings "
                + "WHERE name = 'default_toast_compression'"));
        org.junit.jupiter.api.Assumptions.assumeTrue(lz4, "this server was built without lz4");
        assertThat(f.rows("SELECT pg_column_compression(body) AS method FROM _zanith_schema_snapshot_parts "
                + "WHERE body ->> 'name' = 'wide'")).containsExactly(Map.of("method", "lz4"), Map.of("method", "lz4"));
    }
}
