package dev.zanith.internal.apply;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partitioned index (addPartitionedIndex) through the real runner: a partition's concurrent build that fails leaves
 * its index INVALID; the runner drops it, so the next run builds it again instead of skipping it (IF NOT EXISTS) and
 * attaching an invalid index, and the partitioned index ends valid.
 */
@RealPostgres
class PartitionedIndexApplyTest {

    @Test
    void aFailedPartitionBuildIsDroppedAndTheNextRunMakesTheIndexValid(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("""
                CREATE TABLE public.ledger (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE public.ledger_2026_01 PARTITION OF public.ledger FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
                CREATE TABLE public.ledger_2026_02 PARTITION OF public.ledger FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
                INSERT INTO public.ledger VALUES (1, '2026-01-05'), (2, '2026-02-05'), (2, '2026-02-05');
                """);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_ledger_key", """
                  - addPartitionedIndex:
                      table: public.ledger
                      index: {name: ledger_key, unique: true, keys: [id, at]}
                      partitions:
                        - {schema: public, name: ledger_2026_01, bound: "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"}
                        - {schema: public, name: ledger_2026_02, bound: "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"}
                """);
        ApplyFixture.Recorder failed = f.apply();
        assertThat(failed.result.succeeded()).isFalse();
        assertThat(f.statuses("20260101000000_ledger_key")).containsExactly("failed");
        assertThat(f.value("SELECT count(*) FROM pg_class WHERE relname = 'ledger_2026_02_ledger_key'"))
                .as("the failed build's INVALID index is gone").isEqualTo(0L);

        db.execute("DELETE FROM public.ledger WHERE ctid = (SELECT max(ctid) FROM public.ledger_2026_02)");
        ApplyFixture.Recorder again = f.apply();
        assertThat(again.result.succeeded()).as(String.valueOf(again.result)).isTrue();
        assertThat(f.rows("SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname LIKE '%ledger_key' ORDER BY 1")).extracting(r -> r.get("relname") + " " + r.get("indisvalid"))
                .containsExactly("ledger_2026_01_ledger_key true", "ledger_2026_02_ledger_key true", "ledger_key true");
        assertThat(List.of(f.value("SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.ledger_key'::regclass")))
                .containsExactly(2L);
    }
}
