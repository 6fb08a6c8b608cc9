package dev.zanith;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.SnapshotInfo;
import dev.zanith.api.output.StepRisk;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's nullness claims hold for what the engine returns: every API record the facade hands out in plan, apply
 * (and its listener), status, history, snapshots, verify, generate, diff, recover, baseline, adopt and the risk
 * table, walked through its lists, maps and optionals, holds null only in components marked {@code @Nullable}.
 */
@RealPostgres
class ApiNullnessTest {

    @TempDir
    Path dir;

    @Test
    void planApplyStatusHistorySnapshotsAndRecoverHoldNullOnlyWhereStated(TestDatabase db) throws IOException {
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, score int NOT NULL DEFAULT 0);
                INSERT INTO users (id, email, legacy) SELECT g, 'u' || g || '@example.com', 'x' FROM generate_series(1, 20) g;
                """);
        migration("20260101000000_login", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                  - addIndex:
                      table: public.users
                      index: {name: users_email_idx, keys: [email]}
                      concurrently: true
                  - createTable:
                      table:
                        schema: public
                        name: notes
                        columns:
                          - {name: id, type: bigint, notNull: true}
                          - {name: body, type: text, defaultExpression: "''"}
                        primaryKey: {name: notes_pkey, columns: [id]}
                """);
        migration("20260102000000_cleanup", """
                  - softDropColumn:
                      table: public.users
                      column: legacy
                  - backfill:
                      table: public.users
                      set: {score: score + 1}
                """);
        migration("20260103000000_broken", """
                  - rawSql:
                      sql: SELECT 1 / 0
                """);
        Zanith zanith = new Zanith(config(db).artifactRetention(Duration.ZERO).build());
        Walk walk = new Walk();

        walk.visit(zanith.plan(), "plan");
        walk.visit(zanith.status(), "status before apply");
        walk.visit(zanith.apply(walk.listener()), "apply");
        walk.visit(zanith.plan(), "plan after apply");
        walk.visit(zanith.status(), "status");
        walk.visit(zanith.statusSummary(), "statusSummary");
        walk.visit(zanith.history(), "history");
        walk.visit(zanith.inspect(), "inspect");
        List<SnapshotInfo> snapshots = zanith.snapshots();
        walk.visit(snapshots, "snapshots");
        walk.visit(zanith.snapshot(Long.toString(snapshots.get(0).id())), "snapshot");
        walk.visit(zanith.compareSnapshots(Long.toString(snapshots.get(0).id()),
                Long.toString(snapshots.get(snapshots.size() - 1).id())), "compareSnapshots");
        List<Artifact> artifacts = zanith.artifacts();
        assertThat(artifacts).isNotEmpty();
        walk.visit(artifacts, "artifacts");
        String id = artifacts.get(0).id();
        walk.visit(zanith.inspectArtifact(id, true), "inspectArtifact");
        walk.visit(zanith.cleanup(null, true), "cleanup");
        walk.visit(zanith.restore(id), "restore");
        walk.visit(zanith.restore(id), "restore again");
        walk.visit(zanith.artifact(id), "artifact after restore");
        walk.visit(zanith.inspectArtifact(id, false), "inspectArtifact after restore");
        walk.visit(zanith.purge(id), "purge");
        walk.visit(zanith.history(), "history after restore");

        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.output.Plan.class, dev.zanith.api.output.ApplyResult.class,
                dev.zanith.api.output.StepOutcome.class, dev.zanith.api.output.StatusReport.class,
                dev.zanith.api.output.StatusSummary.class, dev.zanith.api.output.HistoryEntry.class,
                dev.zanith.api.output.StepRow.class, dev.zanith.api.output.AppliedMigration.class,
                dev.zanith.api.output.SnapshotComparison.class, dev.zanith.api.output.Artifact.class,
                dev.zanith.api.output.ArtifactDefinition.class, dev.zanith.api.output.Inspection.class,
                dev.zanith.api.output.RestoreResult.class, dev.zanith.api.output.PurgeResult.class,
                dev.zanith.api.output.CleanupResult.class, BackfillProgress.class, StepRisk.class,
                dev.zanith.api.schema.LiveSchema.class, dev.zanith.api.schema.Column.class, Migration.class);
        // the walk saw the absent values it should: a failed step's unfinished history entry, a column's missing default
        assertThat(walk.nullSeen).contains("HistoryEntry.applied", "Column.defaultExpression", "StepOutcome.error",
                "Plan.refusal", "ApplyResult.refusal", "Artifact.expiresAt");
    }

    @Test
    void refusedPlansAndAppliesHoldNullOnlyWhereStated(TestDatabase db) throws IOException {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, note text);");
        migration("20260101000000_drop", """
                  - dropColumn:
                      table: public.orders
                      column: note
                """);
        Zanith zanith = new Zanith(config(db).maxRisk(0).build());
        Walk walk = new Walk();

        walk.visit(zanith.plan(), "plan");
        walk.visit(zanith.apply(walk.listener()), "apply");
        walk.visit(zanith.statusSummary(), "statusSummary");
        Zanith withoutMigrations = new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).build());
        walk.visit(withoutMigrations.status(), "status without migrations");
        walk.visit(withoutMigrations.statusSummary(), "statusSummary without migrations");

        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.output.Refusal.class, dev.zanith.api.output.GateResult.class,
                dev.zanith.api.output.PlannedStep.class, dev.zanith.api.risk.Assessment.class);
        assertThat(walk.nullSeen).contains("StatusSummary.lastApplied", "StatusSummary.pending", "StatusReport.pending");
    }

    @Test
    void verifyAndGenerateHoldNullOnlyWhereStated(TestDatabase db) throws IOException {
        db.execute("CREATE TABLE items (id bigint PRIMARY KEY, name text);");
        migration("20260101000000_items", """
                  - addColumn:
                      table: public.items
                      column: {name: price, type: "numeric(10,2)"}
                  - rawSql:
                      sql: CREATE INDEX items_name_idx ON items (name)
                """);
        Zanith zanith = new Zanith(config(db).build());
        Walk walk = new Walk();

        walk.visit(zanith.verify(null, zanith.shadow("database", false)), "verify");
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, "CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric(10,2), "
                + "added timestamptz DEFAULT now());\nCREATE INDEX items_name_idx ON items (name);\n");
        walk.visit(zanith.generate(new GenerateRequest(declared, dir.resolve("migrations"), null, DiffOptions.defaults(),
                zanith.shadow("database", false), Instant.now())), "generate");
        walk.visit(Zanith.diff(db.jdbcUrl(), declared.toString(), List.of("public"), DiffOptions.defaults(), "database", false),
                "diff");

        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.output.VerifyResult.class, dev.zanith.api.output.ObservedStep.class,
                dev.zanith.api.output.GenerateResult.class, dev.zanith.api.output.DiffResult.class);
        assertThat(walk.nullSeen).contains("VerifyResult.failedStep");
    }

    @Test
    void adoptAndStartingPointHoldNullOnlyWhereStated(TestDatabase db) throws IOException {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("V1__legacy.sql"), "CREATE TABLE legacy (id int);");
        Files.writeString(m.resolve("V2__items.sql"), "CREATE TABLE items (id int);");
        Files.writeString(m.resolve("R__items_view.sql"), "CREATE OR REPLACE VIEW items_view AS SELECT id FROM items;");
        org.flywaydb.core.Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + m)
                .load().migrate();
        Zanith zanith = new Zanith(config(db).build());
        Walk walk = new Walk();

        walk.visit(zanith.startingPoint(), "startingPoint");
        walk.visit(zanith.adopt(new dev.zanith.api.AdoptRequest(dev.zanith.api.output.MigrationTool.FLYWAY, null, null,
                false)), "adopt dry run");
        walk.visit(zanith.adopt(new dev.zanith.api.AdoptRequest(dev.zanith.api.output.MigrationTool.FLYWAY, null, null,
                true)), "adopt");
        walk.visit(zanith.history(), "history after adopt");
        walk.visit(zanith.status(), "status after adopt");

        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.output.StartingPoint.class, dev.zanith.api.output.AdoptResult.class,
                dev.zanith.api.output.AdoptEntry.class, dev.zanith.api.output.AppliedMigration.class);
    }

    @Test
    void baselineHoldsNullOnlyWhereStated(TestDatabase db) {
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text);");
        Zanith zanith = new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).build());
        Walk walk = new Walk();

        walk.visit(zanith.baseline(new dev.zanith.api.BaselineRequest(null, null, false)), "baseline");
        walk.visit(zanith.history(), "history after baseline");

        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.output.BaselineResult.class);
        assertThat(walk.nullSeen).contains("BaselineResult.pending", "AppliedMigration.adoptedFrom");
    }

    @Test
    void theRiskTableHoldsNullOnlyWhereStated() {
        Walk walk = new Walk();
        walk.visit(Zanith.riskTable(), "riskTable");
        walk.assertClean();
        assertThat(walk.types).contains(dev.zanith.api.risk.RiskTableRow.class, dev.zanith.api.risk.Facts.class,
                dev.zanith.api.risk.TableLock.class);
        assertThat(walk.nullSeen).contains("Assessment.hint");
    }

    @Test
    void theWalkFailsOnANullThatIsNotStated() {
        Walk walk = new Walk();
        walk.visit(new dev.zanith.api.output.RepairResult("1_a", null, "sha256:b", true, "1_a.yaml"), "repair");
        assertThat(walk.violations).containsExactly("RepairResult.previous (in repair)");
    }

    private void migration(String id, String operations) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations").resolve(id + ".yaml"),
                "id: " + id + "\noperations:\n" + operations.stripIndent());
    }

    private ZanithConfig.Builder config(TestDatabase db) {
        return ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(dir.resolve("migrations")))
                .allowDestructive(true).backfillBatchSize(7);
    }

    /** Walks API records reflectively; a null in a component without {@code @Nullable} is a violation. */
    static final class Walk {

        final Set<String> violations = new TreeSet<>();
        final Set<String> nullSeen = new TreeSet<>();
        final Set<Class<?>> types = new java.util.HashSet<>();
        private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        void visit(@Nullable Object value, String where) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Enum<?> || !visited.add(value)) {
                return;
            }
            if (value instanceof Optional<?> optional) {
                optional.ifPresent(v -> visit(v, where));
            } else if (value instanceof Collection<?> collection) {
                new ArrayList<>(collection).forEach(v -> visit(v, where));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    visit(k, where);
                    visit(v, where);
                });
            } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    visit(Array.get(value, i), where);
                }
            } else if (value instanceof Record && value.getClass().getName().startsWith("dev.zanith.")) {
                types.add(value.getClass());
                for (RecordComponent c : value.getClass().getRecordComponents()) {
                    String name = value.getClass().getSimpleName() + "." + c.getName();
                    Object v = component(value, c);
                    if (v == null) {
                        (c.getAnnotatedType().isAnnotationPresent(Nullable.class) ? nullSeen : violations)
                                .add(c.getAnnotatedType().isAnnotationPresent(Nullable.class) ? name
                                        : name + " (in " + where + ")");
                    } else {
                        visit(v, where);
                    }
                }
            }
        }

        private static @Nullable Object component(Object record, RecordComponent c) {
            try {
                c.getAccessor().setAccessible(true);
                return c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(c.toString(), e);
            }
        }

        /** A listener that walks what apply hands it. */
        ApplyListener listener() {
            return new ApplyListener() {
                @Override
                public void stepStarted(Migration migration, int stepIndex, Operation operation, @Nullable StepRisk risk) {
                    visit(migration, "apply listener");
                    visit(risk, "apply listener");
                }

                @Override
                public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
                    visit(progress, "apply listener");
                }
            };
        }

        void assertClean() {
            assertThat(violations).as("null in components not marked @Nullable (mark them, or stop returning null)")
                    .isEmpty();
        }
    }
}
