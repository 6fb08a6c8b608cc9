package dev.zanith.internal.apply;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.step.StepHook;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.command.Apply;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.schema.SchemaGraph;
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

        Introspector full = new Introspector(IntrospectionOptions.defaults().skippingMissingSchemas());
        List<String> mismatches = new ArrayList<>();
        List<String> afters = new ArrayList<>();
        ApplyListener checking = new ApplyListener() {
            @Override
            public void snapshotTaken(Migration migration, SnapshotPhase phase, SchemaGraph graph) {
                if (phase != SnapshotPhase.AFTER) {
                    return;
                }
                afters.add(migration.id());
                try (Connection c = db.connect()) {
                    if (!graph.equals(full.introspect(c).graph())) {
                        mismatches.add(migration.id());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ApplyResult result = new Apply(dev.zanith.TestSettings.of(f.config().build()), checking, ApplyGuard.ALLOW_ALL, StepHook.NONE).run();

        assertThat(result.succeeded()).as(String.valueOf(result)).isTrue();
        assertThat(afters).containsExactly("001_projects", "002_rename", "003_backfill", "004_index");
        assertThat(mismatches).as("after snapshots that differ from a full introspection").isEmpty();
        // Each before is the previous after, the very same graph (and the first before the schema as found).
        assertThat(f.rows("""
                SELECT b.migration_id, b.fingerprint = a.fingerprint AND b.graph = a.graph AS same
                FROM _zanith_schema_snapshots b
                JOIN _zanith_schema_snapshots a ON a.phase = 'after' AND a.id = (
                    SELECT max(p.id) FROM _zanith_schema_snapshots p WHERE p.phase = 'after' AND p.id < b.id)
                WHERE b.phase = 'before' ORDER BY b.id
                """)).containsExactly(Map.of("migration_id", "002_rename", "same", true),
                Map.of("migration_id", "003_backfill", "same", true), Map.of("migration_id", "004_index", "same", true));
        assertThat(f.value("SELECT graph -> 'tables' -> 0 -> 'columns' -> 1 ->> 'name' FROM _zanith_schema_snapshots "
                + "WHERE migration_id = '004_index' AND phase = 'after'")).isEqualTo("title");
    }

    @Test
    void largeGraphsAreStoredWithLz4WhereTheServerHasIt(TestDatabase db) throws Exception {
        db.execute("""
                DO $$ BEGIN
                  FOR i IN 1..60 LOOP
                    EXECUTE format('CREATE TABLE wide_%s (id bigint PRIMARY KEY, a text, b integer, c timestamptz)', i);
                  END LOOP;
                END $$;
                """);
        ApplyFixture f = new ApplyFixture(db, dir).migration("001_more", """
                  - addColumn:
                      table: public.wide_1
                      column: {name: d, type: text}
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        boolean lz4 = Boolean.TRUE.equals(f.value("SELECT 'lz4' = ANY (enumvals) FROM pg_settings "
                + "WHERE name = 'default_toast_compression'"));
        org.junit.jupiter.api.Assumptions.assumeTrue(lz4, "this server was built without lz4");
        assertThat(f.rows("SELECT phase, pg_column_compression(graph) AS method FROM _zanith_schema_snapshots ORDER BY id"))
                .containsExactly(Map.of("phase", "before", "method", "lz4"), Map.of("phase", "after", "method", "lz4"));
    }
}
