package dev.zanith.internal.apply;

import dev.zanith.internal.step.Fence;
import dev.zanith.api.exception.LockLostException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.internal.step.StepHook;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, item 2: an applier whose lock session is terminated stops before its next write, and a write it had
 * in flight either commits before the next owner reads anything or not at all: every row of a backfill is updated
 * exactly once across the two appliers.
 */
@RealPostgres
class LockLossTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void terminatingTheLockSessionStopsTheBackfillAndTheNextApplyFinishesItOnce(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, score int NOT NULL DEFAULT 0);"
                + "INSERT INTO items (id) SELECT g FROM generate_series(1, " + ROWS + ") g;");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_bump", """
                  - backfill:
                      table: public.items
                      set: {score: score + 1}
                """);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyFixture.Recorder> first = pool.submit(() -> f.apply(f.config().backfillBatchSize(100)
                    .backfillPause(Duration.ofMillis(5)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (processed(f) < 2_000) {
                assertThat(System.nanoTime()).as("the first apply reached 2,000 rows").isLessThan(deadline);
                Thread.sleep(5);
            }
            Object terminated = f.value("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND objsubid = 1 AND granted AND database = (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database())");
            assertThat(terminated).isEqualTo(true);

            ApplyFixture.Recorder second = f.apply(f.config().backfillBatchSize(1_000).build(), ApplyGuard.ALLOW_ALL,
                    StepHook.NONE);

            assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(LockLostException.class)
                    .hasMessageContaining("was lost while applying");
            assertThat(second.result.succeeded()).as(second.events.toString()).isTrue();
            assertThat(second.events).contains("applied 20260101000000_bump");
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.rows("SELECT score, count(*) AS n FROM items GROUP BY score"))
                .containsExactly(java.util.Map.of("score", 1, "n", (long) ROWS));
        assertThat(f.value("SELECT count(*) FROM _zanith_migrations")).isEqualTo(1L);
        assertThat(f.statuses("20260101000000_bump")).containsExactly("done");
        assertThat(f.value("SELECT processed_rows FROM _zanith_migration_checkpoints")).isEqualTo((long) ROWS);
    }

    @Test
    void terminatingTheLockSessionStopsAStatementByStatementSqlFileAndNoStatementRunsTwice(TestDatabase db)
            throws Exception {
        int statements = 200;
        db.execute("CREATE TABLE log (k int NOT NULL)");
        StringBuilder sql = new StringBuilder("-- zanith:transaction=none\n");
        for (int k = 1; k <= statements; k++) {
            sql.append("INSERT INTO log SELECT ").append(k).append(" FROM pg_sleep(0.005);\n");
        }
        java.nio.file.Files.writeString(dir.resolve("V1__log.sql"), sql);
        ApplyFixture f = new ApplyFixture(db, dir);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyFixture.Recorder> first = pool.submit(() -> f.apply());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (processed(f) < 20) {
                assertThat(System.nanoTime()).as("the first apply ran 20 statements").isLessThan(deadline);
                Thread.sleep(2);
            }
            Object terminated = f.value("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND objsubid = 1 AND granted AND database = (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database())");
            assertThat(terminated).isEqualTo(true);

            ApplyFixture.Recorder second = f.apply();

            assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(LockLostException.class);
            assertThat(second.result.succeeded()).as(second.events.toString()).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.rows("SELECT count(*) AS n, count(DISTINCT k) AS distinct_k FROM log"))
                .containsExactly(java.util.Map.of("n", (long) statements, "distinct_k", (long) statements));
        assertThat(f.statuses("V1__log")).containsExactly("done");
    }

    @Test
    void aWriterThatLostTheLockCannotCommitAndTheNextOwnerWaitsForOneInFlight(TestDatabase db) throws Exception {
        ConnectionSource source = ConnectionSource.of(db.jdbcUrl(), db.user(), db.password());
        long key = new AuditTables("public", "_zanith_").lockKey("apply");
        db.execute("CREATE TABLE marks (owner text)");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AdvisoryLock first = AdvisoryLock.acquire(source, key, Duration.ZERO, "apply", "test", h -> { });
             Connection inFlight = db.connect(); Connection late = db.connect()) {
            Fence fence = first.fence();
            inFlight.setAutoCommit(false);
            fence.check(inFlight);
            inFlight.createStatement().execute("INSERT INTO marks VALUES ('first, in flight')");
            db.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
                    + "AND granted");

            Future<AdvisoryLock> next = pool.submit(() -> AdvisoryLock.acquire(source, key, Duration.ofSeconds(30),
                    "apply", "test", h -> { }));
            assertThatThrownBy(() -> next.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            inFlight.commit();
            try (AdvisoryLock second = next.get(30, TimeUnit.SECONDS)) {
                assertThat(db.queryForLong("SELECT count(*) FROM marks")).isEqualTo(1);
                late.setAutoCommit(false);
                assertThatThrownBy(() -> fence.check(late)).isInstanceOf(LockLostException.class)
                        .isInstanceOf(ZanithException.class).hasMessageContaining("was lost while applying");
                late.rollback();
                second.fence().check(late);
                late.rollback();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long processed(ApplyFixture f) {
        if (Boolean.TRUE.equals(f.value("SELECT to_regclass('_zanith_migration_checkpoints') IS NULL"))) {
            return 0;
        }
        return ((Number) f.value("SELECT coalesce(max(processed_rows), 0) FROM _zanith_migration_checkpoints"))
                .longValue();
    }
}
