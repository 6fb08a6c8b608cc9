package dev.zanith.internal.apply;

import dev.zanith.TestSettings;
import dev.zanith.api.output.RepairResult;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.step.StepHook;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.command.Repair;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class GuardedApplyTest {

    private static final String USERS = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text, divisor int NOT NULL DEFAULT 1,
                                score int NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true);
            INSERT INTO users (id, email, legacy, active) SELECT g, 'u' || g || '@example.com', 'old', g % 2 = 0
            FROM generate_series(1, 10) g;
            """;

    private static final String FOUR_STEPS = """
              - addColumn:
                  table: public.users
                  column: {name: last_login, type: timestamptz}
              - addIndex:
                  table: public.users
                  index: {name: users_email_idx, keys: [email]}
                  concurrently: true
              - softDropColumn:
                  table: public.users
                  column: legacy
              - backfill:
                  table: public.users
                  set: {score: score + 1}
                  where: active
                  batchSize: 2
            """;

    @TempDir
    Path dir;

    private static final ApplyGuard RISKY = ApplyFixture.RISKY;

    @Test
    void happyPathFourStepsLandWithLedgerRowSnapshotsAndRisk(TestDatabase db) {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_four_steps", FOUR_STEPS);
        ApplyFixture.Recorder run = f.apply(f.config().build(), RISKY, StepHook.NONE);

        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(run.events).containsExactly("snapshot before 1", "done 1", "done 2", "done 3", "done 4",
                "snapshot after 1", "applied 20260101000000_four_steps");
        assertThat(f.rows("SELECT id, checksum, duration_ms FROM _zanith_migrations")).singleElement()
                .satisfies(r -> assertThat(r.get("id")).isEqualTo("20260101000000_four_steps"));
        assertThat(f.rows("SELECT step_index, operation_kind, status, risk_level, risk_score, reasons, attempts, "
                + "duration_ms IS NOT NULL AS timed, started_at <= finished_at AS ordered "
                + "FROM _zanith_migration_steps ORDER BY step_index")).containsExactly(
                step(1, "addColumn", "low", 10), step(2, "addIndex", "medium", 20),
                step(3, "softDropColumn", "low", 30), step(4, "backfill", "medium", 40));
        assertThat(f.rows("SELECT phase, model_count, field_count, graph -> 'tables' -> 0 ->> 'name' AS model "
                + "FROM _zanith_schema_snapshots ORDER BY id")).containsExactly(
                Map.of("phase", "before", "model_count", 1, "field_count", 6, "model", "users"),
                Map.of("phase", "after", "model_count", 1, "field_count", 6, "model", "users"));
        // The after graph has last_login, not legacy (parked under the reserved prefix, so left out).
        assertThat(f.value("SELECT graph::text FROM _zanith_schema_snapshots WHERE phase = 'after'").toString())
                .contains("last_login").doesNotContain("\"legacy\"");
        assertThat(f.value("SELECT count(*) FROM users WHERE score = 1")).isEqualTo(5L);
        assertThat(f.value("SELECT count(*) FROM users WHERE score <> (CASE WHEN active THEN 1 ELSE 0 END)")).isEqualTo(0L);
        assertThat(f.rows("SELECT processed_rows, status, \"cursor\"::text AS cursor FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 5L, "status", "done", "cursor", "{\"id\": 10}"));
        assertThat(run.progress).last().satisfies(p -> {
            assertThat(p.finished()).isTrue();
            assertThat(p.processedRows()).isEqualTo(5);
        });

        ApplyFixture.Recorder again = f.apply();
        assertThat(again.result.migrations()).isEmpty();
        assertThat(again.result.succeeded()).isTrue();
    }

    private static Map<String, Object> step(int index, String kind, String level, int score) {
        return Map.of("step_index", index, "operation_kind", kind, "status", "done", "risk_level", level,
                "risk_score", score, "reasons", List.of("reason_" + kind), "attempts", 1, "timed", true, "ordered", true);
    }

    @Test
    void failureAtStepThreeLeavesStepFourPendingAndTheRerunResumes(TestDatabase db) {
        db.execute(USERS + "UPDATE users SET divisor = 0 WHERE id = 7;");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_failing", """
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: text}
                  - addIndex:
                      table: public.users
                      index: {name: users_email_idx, keys: [email]}
                      concurrently: true
                  - backfill:
                      table: public.users
                      set: {score: score + 100 / divisor}
                      batchSize: 2
                  - softDropColumn:
                      table: public.users
                      column: legacy
                """);
        ApplyFixture.Recorder first = f.apply();

        assertThat(first.result.succeeded()).isFalse();
        assertThat(first.result.failedStep()).hasValueSatisfying(s -> {
            assertThat(s.stepIndex()).isEqualTo(3);
            assertThat(s.sqlState()).isEqualTo("22012");
        });
        assertThat(f.statuses("20260101000000_failing")).containsExactly("done", "done", "failed", "pending");
        assertThat(f.rows("SELECT sqlstate, error LIKE '%division by zero%' AS says FROM _zanith_migration_steps "
                + "WHERE step_index = 3")).containsExactly(Map.of("sqlstate", "22012", "says", true));
        assertThat(f.value("SELECT count(*) FROM _zanith_migrations")).isEqualTo(0L);
        assertThat(f.value("SELECT count(*) FROM _zanith_schema_snapshots WHERE phase = 'after'")).isEqualTo(0L);
        // Three batches of two committed before the failing one: rows 1-6 have their value, the rest none.
        assertThat(f.rows("SELECT processed_rows, status FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 6L, "status", "failed"));
        assertThat(f.value("SELECT count(*) FROM users WHERE score = 100")).isEqualTo(6L);

        db.execute("UPDATE users SET divisor = 1 WHERE divisor = 0");
        ApplyFixture.Recorder second = f.apply();

        assertThat(second.result.succeeded()).as(second.events.toString()).isTrue();
        assertThat(second.events).containsSubsequence("skipped 1", "skipped 2", "done 3", "done 4",
                "applied 20260101000000_failing");
        assertThat(f.statuses("20260101000000_failing")).containsOnly("done");
        assertThat(f.value("SELECT attempts FROM _zanith_migration_steps WHERE step_index = 3")).isEqualTo(2);
        assertThat(f.value("SELECT count(*) FROM users WHERE score = 100")).as("every row updated exactly once")
                .isEqualTo(10L);
        assertThat(f.rows("SELECT processed_rows, status FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 10L, "status", "done"));
        assertThat(f.value("SELECT count(*) FROM _zanith_schema_snapshots")).isEqualTo(2L);
    }

    @Test
    void aRefusedPlanAppliesNothing(TestDatabase db) {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_four_steps", FOUR_STEPS);
        ApplyFixture.Recorder run = f.apply(f.config().build(),
                (c, pending) -> GuardDecision.refuse("step 3 scores 60 > --max-risk 50"), StepHook.NONE);

        assertThat(run.result.refused()).isTrue();
        assertThat(run.result.refusal()).isEqualTo("step 3 scores 60 > --max-risk 50");
        assertThat(run.events).containsExactly("refused");
        assertThat(f.value("SELECT count(*) FROM _zanith_migration_steps")).isEqualTo(0L);
        assertThat(f.value("SELECT count(*) FROM _zanith_migrations")).isEqualTo(0L);
        assertThat(f.value("SELECT count(*) FROM _zanith_schema_snapshots")).isEqualTo(0L);
        assertThat(f.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'last_login'"))
                .isEqualTo(0L);
    }

    @Test
    void aStepHookThatThrowsRollsBackTheStepsDdl(TestDatabase db) {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_hooked", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                """);
        StepHook refusing = (c, migration, index, operation, context) -> {
            // Runs inside the step's transaction: the column exists here...
            assertThat(Jdbc.queryFirst(c, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'last_login'",
                    rs -> rs.getLong(1))).contains(1L);
            throw new SQLException("artifact bookkeeping failed", "XX001");
        };
        ApplyFixture.Recorder run = f.apply(f.config().build(), ApplyGuard.ALLOW_ALL, refusing);

        assertThat(run.result.succeeded()).isFalse();
        // ...and is gone after the rollback, with the step recorded failed.
        assertThat(f.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'last_login'"))
                .isEqualTo(0L);
        assertThat(f.rows("SELECT status, error, sqlstate FROM _zanith_migration_steps")).containsExactly(
                Map.of("status", "failed", "error", "artifact bookkeeping failed", "sqlstate", "XX001"));

        ApplyFixture.Recorder fixed = f.apply();
        assertThat(fixed.result.succeeded()).isTrue();
        assertThat(f.value("SELECT count(*) FROM information_schema.columns WHERE column_name = 'last_login'"))
                .isEqualTo(1L);
    }

    @Test
    void aStepHookWritesAtomicallyWithTransactionalConcurrentAndBackfillSteps(TestDatabase db) {
        db.execute(USERS + "CREATE TABLE hook_log (migration_id text, step_index int, kind text, parked text);");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_four_steps", FOUR_STEPS);
        StepHook logging = (c, migration, index, operation, context) -> Jdbc.update(c,
                "INSERT INTO hook_log VALUES (?, ?, ?, ?)", migration.id(), index, operation.kind().id(),
                context.parkedName("legacy"));
        assertThat(f.apply(f.config().build(), ApplyGuard.ALLOW_ALL, logging).result.succeeded()).isTrue();
        assertThat(f.rows("SELECT step_index, kind FROM hook_log ORDER BY step_index")).extracting(r -> r.get("kind"))
                .containsExactly("addColumn", "addIndex", "softDropColumn", "backfill");
        assertThat(f.value("SELECT parked FROM hook_log WHERE step_index = 3").toString()).startsWith("_zanith_")
                .endsWith("_legacy");
    }

    @Test
    void aFailedConcurrentIndexBuildLeavesNoInvalidIndexAndTheRetryBuildsIt(TestDatabase db) {
        db.execute(USERS + "UPDATE users SET email = 'same@example.com' WHERE id IN (3, 4);");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_unique_email", """
                  - addIndex:
                      table: public.users
                      index: {name: users_email_key, unique: true, keys: [email]}
                      concurrently: true
                """);
        ApplyFixture.Recorder first = f.apply();

        assertThat(first.result.failedStep()).hasValueSatisfying(s -> assertThat(s.sqlState()).isEqualTo("23505"));
        assertThat(f.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isEqualTo(0L);
        assertThat(f.value("SELECT to_regclass('public.users_email_key') IS NULL")).isEqualTo(true);

        db.execute("UPDATE users SET email = 'u3@example.com' WHERE id = 3");
        ApplyFixture.Recorder second = f.apply();
        assertThat(second.result.succeeded()).as(second.events.toString()).isTrue();
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"))
                .isEqualTo(true);
    }

    @Test
    void anInterruptedConcurrentBuildIsDroppedOrAdoptedOnResume(TestDatabase db) throws Exception {
        // As if a run was killed during the build: step "running", the index INVALID.
        ApplyFixture f = interruptedConcurrentIndexBuild(db,
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'users_email_idx'::regclass;");
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_idx'::regclass"))
                .isEqualTo(true);
        assertThat(f.value("SELECT attempts FROM _zanith_migration_steps")).isEqualTo(2);
    }

    @Test
    void anIndexBuiltByAnInterruptedRunIsAdoptedInsteadOfBuiltAgain(TestDatabase db) throws Exception {
        // As if a run was killed after the build but before "done" committed: step "running", the index VALID.
        ApplyFixture f = interruptedConcurrentIndexBuild(db, "");
        Object oid = f.value("SELECT 'users_email_idx'::regclass::oid");
        ApplyFixture.Recorder run = f.apply();
        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(f.value("SELECT 'users_email_idx'::regclass::oid")).as("not rebuilt").isEqualTo(oid);
        assertThat(f.statuses("20260101000000_index")).containsExactly("done");
    }

    /** A concurrent index build whose run was killed: its step left "running", the index there; then {@code after}. */
    private ApplyFixture interruptedConcurrentIndexBuild(TestDatabase db, String after) throws Exception {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_index", """
                  - addIndex:
                      table: public.users
                      index: {name: users_email_idx, keys: [email]}
                      concurrently: true
                """);
        try (Connection c = db.connect()) {
            new MigrationHistory(new AuditTables("public", "_zanith_")).ensureTables(c);
        }
        db.execute("""
                INSERT INTO _zanith_migration_steps (migration_id, step_index, operation_kind, status, sql, attempts)
                VALUES ('20260101000000_index', 1, 'addIndex', 'running', 'x', 1);
                CREATE INDEX users_email_idx ON users (email);
                """ + after);
        return f;
    }

    @Test
    void anEditedAppliedFileIsRefusedUntilItsChecksumIsAcceptedDeliberately(TestDatabase db) throws Exception {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_add_login", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
        Path file = dir.resolve("20260101000000_add_login.yaml");
        Files.writeString(file, "# reviewed by the DBA\n" + Files.readString(file));

        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_add_login.yaml was changed after it was applied")
                .hasMessageContaining("zanith repair --accept-checksum 20260101000000_add_login");

        RepairResult repaired = new Repair(TestSettings.of(f.config().build())).acceptChecksum("20260101000000_add_login");
        assertThat(repaired.changed()).isTrue();
        assertThat(f.rows("SELECT checksum = '" + repaired.accepted() + "' AS accepted, repairs -> 0 ->> 'previous' AS previous, "
                + "repairs -> 0 ->> 'by' IS NOT NULL AS who, jsonb_array_length(repairs) AS n FROM _zanith_migrations"))
                .containsExactly(Map.of("accepted", true, "previous", repaired.previous(), "who", true, "n", 1));
        assertThat(f.apply().result.migrations()).isEmpty();
        assertThat(new Repair(TestSettings.of(f.config().build())).acceptChecksum("20260101000000_add_login").changed()).isFalse();
        assertThatThrownBy(() -> new Repair(TestSettings.of(f.config().build())).acceptChecksum("nope"))
                .isInstanceOf(ZanithException.class).hasMessageContaining("No migration file with id 'nope'");
    }

    @Test
    void completedStepsOfAPartlyAppliedMigrationCannotBeEdited(TestDatabase db) {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_partial", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                  - rawSql:
                      sql: SELECT 1 / 0
                """);
        assertThat(f.apply().result.succeeded()).isFalse();
        f.migration("20260101000000_partial", """
                  - addColumn:
                      table: public.users
                      column: {name: last_seen, type: timestamptz}
                  - rawSql:
                      sql: SELECT 1
                """);
        assertThatThrownBy(f::apply).isInstanceOf(ZanithException.class)
                .hasMessageContaining("step 1 (addColumn) already ran in an earlier, unfinished apply")
                .hasMessageContaining("SELECT sql FROM _zanith_migration_steps WHERE migration_id = '20260101000000_partial'");
        // Changing only the step that has not completed is fine.
        f.migration("20260101000000_partial", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                  - rawSql:
                      sql: SELECT 1
                """);
        assertThat(f.apply().result.succeeded()).isTrue();
    }

    @Test
    void auditTablesAreCreatedIdempotentlyEvenFromManySessionsAtOnce(TestDatabase db) throws Exception {
        AuditTables tables = new AuditTables("zanith_audit", "zz_");
        MigrationHistory history = new MigrationHistory(tables);
        int sessions = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = db.connect()) {
                        start.await();
                        history.ensureTables(c);
                        history.ensureTables(c);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ApplyFixture f = new ApplyFixture(db, dir);
        assertThat(f.rows("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE nspname = 'zanith_audit' AND relkind = 'r' ORDER BY relname")).extracting(r -> r.get("relname"))
                .containsExactly("zz_migration_artifacts", "zz_migration_checkpoints", "zz_migration_steps",
                        "zz_migrations", "zz_schema_snapshot_parts", "zz_schema_snapshot_rows");
        assertThat(f.value("SELECT relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE nspname = 'zanith_audit' AND relname = 'zz_schema_snapshots'")).isEqualTo("v");
    }

    @Test
    void aSecondApplyWaitsForTheLockThenNamesItsHolder(TestDatabase db) throws Exception {
        db.execute(USERS);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_add_login", """
                  - addColumn:
                      table: public.users
                      column: {name: last_login, type: timestamptz}
                """);
        long key = new AuditTables("public", "_zanith_").lockKey("apply");
        try (Connection holder = db.connect()) {
            Jdbc.execute(holder, "SET application_name = 'deploy-bot'");
            Jdbc.query(holder, "SELECT pg_advisory_lock(?)", rs -> null, key);
            int pid = Jdbc.queryFirst(holder, "SELECT pg_backend_pid()", rs -> rs.getInt(1)).orElseThrow();

            ApplyFixture.Recorder recorder = new ApplyFixture.Recorder();
            assertThatThrownBy(() -> new dev.zanith.internal.command.Apply(TestSettings.of(f.config().lockWait(Duration.ofMillis(200)).build()),
                    recorder).run()).isInstanceOf(ZanithException.class)
                    .hasMessageContaining("Another Zanith apply, repair or restore is running on public._zanith_*")
                    .hasMessageContaining("held by pid " + pid + " (deploy-bot")
                    .hasMessageContaining("pg_terminate_backend(" + pid + ")");
            assertThat(recorder.events).containsExactly("waiting " + pid);
            assertThat(f.value("SELECT count(*) FROM information_schema.tables WHERE table_name = '_zanith_migrations'"))
                    .as("nothing ran without the lock").isEqualTo(0L);

            // With a long enough wait, the apply proceeds as soon as the holder lets go.
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                ApplyFixture.Recorder patient = new ApplyFixture.Recorder();
                Future<ApplyResult> waiting = pool.submit(() -> new dev.zanith.internal.command.Apply(TestSettings.of(f.config().build()),
                        patient).run());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (patient.events.isEmpty()) {
                    assertThat(System.nanoTime()).as("apply never waited for the lock").isLessThan(deadline);
                    Thread.sleep(10);
                }
                assertThat(waiting.isDone()).isFalse();
                Jdbc.query(holder, "SELECT pg_advisory_unlock(?)", rs -> null, key);
                assertThat(waiting.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
                assertThat(patient.events).first().isEqualTo("waiting " + pid);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(f.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).as("released").isEqualTo(0L);
    }
}
