package dev.zanith.internal.apply;

import dev.zanith.internal.introspect.PendingDetachFixture;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code DETACH PARTITION ... CONCURRENTLY} interrupted between its two transactions, produced on a real server: a
 * REPEATABLE READ transaction that read the parent keeps a snapshot the second transaction must wait for, and the
 * step's statement timeout cancels that wait. The partition is left detach pending (the failed step's error says so
 * and names the FINALIZE); the next apply completes it with {@code DETACH PARTITION ... FINALIZE} instead of running
 * the detach again (which the server refuses), and the step's audit row says it did.
 */
@RealPostgres
class PendingDetachApplyTest {

    private static final String ID = "20260101000000_detach_january";

    @Test
    void anInterruptedConcurrentDetachIsFinalizedByTheNextApply(TestDatabase db, @TempDir Path dir) throws Exception {
        ApplyFixture f = fixture(db, dir);
        ApplyFixture.Recorder interrupted;
        try (Connection reader = PendingDetachFixture.holdingASnapshotOfTheParent(db)) {
            interrupted = f.apply(f.config().statementTimeout(Duration.ofSeconds(1)).build(), ApplyGuard.ALLOW_ALL,
                    dev.zanith.internal.step.StepHook.NONE);
            reader.commit();
        }
        assertThat(interrupted.result.succeeded()).isFalse();
        assertThat(f.value("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = 'public.events_2026_01'::regclass"))
                .as("the first transaction committed: the partition is detach pending").isEqualTo(true);
        Map<String, Object> failed = step(f);
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat((String) failed.get("error")).contains("statement timeout")
                .contains("public.events_2026_01 is left detach pending")
                .contains("ALTER TABLE public.events DETACH PARTITION public.events_2026_01 FINALIZE");
        assertThat(new dev.zanith.internal.command.Status(dev.zanith.TestSettings.of(f.config().build())).run().unfinished())
                .as("zanith status").singleElement().extracting(dev.zanith.api.output.StepRow::error).asString()
                .contains("the next apply completes it with "
                        + "ALTER TABLE public.events DETACH PARTITION public.events_2026_01 FINALIZE");

        ApplyFixture.Recorder resumed = f.apply();
        assertThat(resumed.result.succeeded()).as(String.valueOf(resumed.result)).isTrue();
        assertThat(f.value("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'public.events_2026_01'::regclass"))
                .as("detached").isEqualTo(0L);
        assertThat(f.value("SELECT relispartition FROM pg_class WHERE oid = 'public.events_2026_01'::regclass"))
                .isEqualTo(false);
        assertThat(f.value("SELECT count(*) FROM public.events_2026_01")).as("its rows kept").isEqualTo(620L);
        assertThat(f.value("SELECT count(*) FROM public.events")).isEqualTo(380L);
        Map<String, Object> done = step(f);
        assertThat(done.get("status")).isEqualTo("done");
        assertThat(done.get("error")).isNull();
        assertThat(done.get("attempts")).isEqualTo(2);
        assertThat(done.get("sql")).as("the step's SQL as the file renders it (a resume compares it)")
                .isEqualTo("ALTER TABLE public.events DETACH PARTITION public.events_2026_01 CONCURRENTLY;\n");
        assertThat((String) done.get("summary")).contains("completed a detach an interrupted earlier run left pending: "
                + "ALTER TABLE public.events DETACH PARTITION public.events_2026_01 FINALIZE")
                .doesNotContain("FINALIZE;");
        assertThat(f.value("SELECT count(*) FROM _zanith_migrations WHERE id = '" + ID + "'")).isEqualTo(1L);
    }

    @Test
    void aFinalizeThatIsInterruptedInTurnLeavesTheDetachPendingForTheNextApply(TestDatabase db, @TempDir Path dir)
            throws Exception {
        ApplyFixture f = fixture(db, dir);
        try (Connection reader = PendingDetachFixture.holdingASnapshotOfTheParent(db)) {
            assertThat(f.apply(f.config().statementTimeout(Duration.ofSeconds(1)).build(), ApplyGuard.ALLOW_ALL,
                    dev.zanith.internal.step.StepHook.NONE).result.succeeded()).isFalse();
            // FINALIZE waits for the same snapshot: cancelled too, it rolls back and changes nothing
            ApplyFixture.Recorder again = f.apply(f.config().statementTimeout(Duration.ofSeconds(1)).build(),
                    ApplyGuard.ALLOW_ALL, dev.zanith.internal.step.StepHook.NONE);
            assertThat(again.result.succeeded()).isFalse();
            assertThat((String) step(f).get("error")).doesNotContain("already pending detach")
                    .contains("is left detach pending");
            reader.commit();
        }
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.value("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'public.events_2026_01'::regclass"))
                .isEqualTo(0L);
        assertThat(step(f).get("attempts")).isEqualTo(3);
    }

    private static ApplyFixture fixture(TestDatabase db, Path dir) {
        PendingDetachFixture.create(db);
        return new ApplyFixture(db, dir).migration(ID, "  - detachPartition:\n" + PendingDetachFixture.JANUARY_YAML);
    }

    private static Map<String, Object> step(ApplyFixture f) {
        return f.rows("SELECT status, error, attempts, sql, summary FROM _zanith_migration_steps WHERE migration_id = '"
                + ID + "' AND step_index = 1").get(0);
    }
}
