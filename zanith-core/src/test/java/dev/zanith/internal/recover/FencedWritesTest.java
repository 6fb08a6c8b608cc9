package dev.zanith.internal.recover;

import dev.zanith.api.output.Artifact;
import dev.zanith.Zanith;
import dev.zanith.api.exception.LockLostException;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.command.Repair;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, item 2 for the other writers under the apply lock: a restore, a purge or a checksum repair whose lock
 * session is terminated while it works does not commit, exactly like apply's fenced audit writes
 * ({@code LockLossTest}). Each command is held mid-transaction by a row lock another session takes on the row it
 * writes; the lock session is terminated meanwhile; then the row is released and the command must roll back.
 */
@RealPostgres
class FencedWritesTest {

    private static final long KEY = new AuditTables("public", "_zanith_").lockKey("apply");
    /** The session-level apply lock in pg_locks (not the fence's two-key form, nor other advisory locks). */
    private static final String APPLY_LOCK = "locktype = 'advisory' AND objsubid = 1 AND classid::bigint = "
            + (KEY >>> 32) + " AND objid::bigint = " + (KEY & 0xffffffffL) + " AND database = (SELECT oid FROM "
            + "pg_database WHERE datname = current_database())";

    @TempDir
    Path dir;

    @Test
    void aRestoreWhoseLockSessionEndedDoesNotCommit(TestDatabase db) throws Exception {
        RecoverFixture f = parkedColumn(db);
        Artifact artifact = f.zanith().artifacts().get(0);
        Zanith patient = new Zanith(f.config().lockTimeout(Duration.ofSeconds(60)).build());

        Throwable failure = heldWhileTheLockIsLost(f, "SELECT 1 FROM _zanith_migration_artifacts WHERE id = ? FOR UPDATE",
                artifact.id(), () -> patient.restore(artifact.id()));

        assertThat(failure).isInstanceOf(LockLostException.class)
                .hasMessageContaining("was lost while running recover").hasMessageContaining("nothing of this recover was committed");
        assertThat(f.column("SELECT attname FROM pg_attribute WHERE attrelid = 'notes'::regclass AND attnum > 0 "
                + "AND NOT attisdropped ORDER BY attnum")).as("the column is still parked").doesNotContain("body");
        assertThat(f.text("SELECT status FROM _zanith_migration_artifacts")).isEqualTo(artifact.status().value());
        assertThat(f.number("SELECT count(*) FROM _zanith_migrations WHERE id LIKE 'recover:%'")).isZero();

        assertThat(f.zanith().restore(artifact.id()).restoredRows()).as("a new restore succeeds").isEqualTo(2);
    }

    @Test
    void aPurgeWhoseLockSessionEndedDoesNotCommit(TestDatabase db) throws Exception {
        RecoverFixture f = parkedColumn(db);
        Artifact artifact = f.zanith().artifacts().get(0);
        Zanith patient = new Zanith(f.config().lockTimeout(Duration.ofSeconds(60)).build());

        Throwable failure = heldWhileTheLockIsLost(f, "SELECT 1 FROM _zanith_migration_artifacts WHERE id = ? FOR UPDATE",
                artifact.id(), () -> patient.purge(artifact.id()));

        assertThat(failure).isInstanceOf(LockLostException.class).hasMessageContaining("was lost while running recover");
        assertThat(f.number("SELECT count(*) FROM _zanith_migration_artifacts")).isEqualTo(1);
        assertThat(f.zanith().restore(artifact.id()).restoredRows()).as("the parked data is all there").isEqualTo(2);
    }

    @Test
    void aChecksumRepairWhoseLockSessionEndedDoesNotCommit(TestDatabase db) throws Exception {
        RecoverFixture f = parkedColumn(db);
        Path file = dir.resolve("20260101000000_park.yaml");
        Files.writeString(file, "# reviewed\n" + Files.readString(file));
        String stored = f.text("SELECT checksum FROM _zanith_migrations");

        Throwable failure = heldWhileTheLockIsLost(f, "SELECT 1 FROM _zanith_migrations WHERE id = ? FOR UPDATE",
                "20260101000000_park", () -> new Repair(dev.zanith.TestSettings.of(f.config().build())).acceptChecksum("20260101000000_park"));

        assertThat(failure).isInstanceOf(LockLostException.class).hasMessageContaining("was lost while running repair");
        assertThat(f.text("SELECT checksum FROM _zanith_migrations")).isEqualTo(stored);
        assertThat(f.text("SELECT coalesce(jsonb_array_length(repairs), 0)::text FROM _zanith_migrations")).isEqualTo("0");

        assertThat(new Repair(dev.zanith.TestSettings.of(f.config().build())).acceptChecksum("20260101000000_park").changed()).isTrue();
    }

    @Test
    void aParkedDataChecksumIsNotStoredOnceTheLockIsLost(TestDatabase db) throws Exception {
        RecoverFixture f = parkedColumn(db);
        db.execute("UPDATE _zanith_migration_artifacts SET checksum = NULL");
        ArtifactRecorder recorder = new ArtifactRecorder(new AuditTables("public", "_zanith_"), Duration.ofDays(30));
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            assertThatThrownBy(() -> recorder.completeChecksums(c, tx -> {
                throw new LockLostException("the apply lock is gone");
            })).isInstanceOf(LockLostException.class);
            assertThat(f.number("SELECT count(*) FROM _zanith_migration_artifacts WHERE checksum IS NULL"))
                    .as("nothing stored without the lock").isEqualTo(1);

            assertThat(recorder.completeChecksums(c, dev.zanith.internal.step.Fence.NONE)).hasSize(1);
            assertThat(f.number("SELECT count(*) FROM _zanith_migration_artifacts WHERE checksum IS NULL")).isZero();
        }
    }

    private RecoverFixture parkedColumn(TestDatabase db) {
        RecoverFixture f = new RecoverFixture(db, dir);
        db.execute("CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'a'), (2, 'b');");
        f.apply("20260101000000_park", """
                  - softDropColumn:
                      table: public.notes
                      column: body
                """);
        return f;
    }

    /**
     * Runs {@code command} while another session holds {@code rowLock} (one bound parameter): once the command waits
     * for that row, terminates the apply lock's session, releases the row, and returns what the command threw.
     */
    private static Throwable heldWhileTheLockIsLost(RecoverFixture f, String rowLock, String key, Callable<?> command)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection blocker = f.db.connect(); Connection watcher = f.db.connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(rowLock)) {
                lock.setString(1, key);
                assertThat(lock.executeQuery().next()).as("the row to hold exists").isTrue();
            }
            Future<?> running = pool.submit(command);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (number(watcher, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock'") == 0) {
                assertThat(running.isDone()).as("the command waits for the held row").isFalse();
                assertThat(System.nanoTime()).as("the command reached the held row").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(number(watcher, "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE " + APPLY_LOCK
                    + " AND granted")).as("the lock session was terminated").isEqualTo(1);
            while (number(watcher, "SELECT count(*) FROM pg_locks WHERE " + APPLY_LOCK) > 0) {
                assertThat(System.nanoTime()).as("the terminated session ended").isLessThan(deadline);
                Thread.sleep(10);
            }
            blocker.commit();
            try {
                running.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
            throw new AssertionError("the command committed although its lock session had ended");
        } finally {
            pool.shutdownNow();
        }
    }

    private static long number(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
