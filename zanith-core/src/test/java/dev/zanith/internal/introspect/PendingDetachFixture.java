package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real detach-pending partition: {@code public.events} partitioned by month, and its January partition left half
 * detached by a {@code DETACH PARTITION ... CONCURRENTLY} whose second transaction was cancelled (a REPEATABLE READ
 * transaction that read the parent keeps a snapshot it must wait for; a statement timeout cancels the wait).
 */
public final class PendingDetachFixture {

    /** The partitioned table, two monthly partitions and rows in both. */
    public static final String EVENTS = """
            CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
            CREATE TABLE public.events_2026_02 PARTITION OF public.events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
            INSERT INTO public.events SELECT g, date '2026-01-01' + g % 50 FROM generate_series(1, 1000) g;
            ANALYZE;
            """;

    /** The fields of a detachPartition step of the January partition, indented to follow "  - detachPartition:". */
    public static final String JANUARY_YAML = """
                  parent: public.events
                  partition:
                    schema: public
                    name: events_2026_01
                    bound: FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')
                  concurrently: true
            """;

    private PendingDetachFixture() {
    }

    /** Creates {@link #EVENTS}; skips the test on a server without DETACH ... CONCURRENTLY. */
    public static void create(TestDatabase db) {
        assumeTrue(db.server().majorVersion() >= 14, "DETACH PARTITION ... CONCURRENTLY exists from PostgreSQL 14");
        db.execute(EVENTS);
    }

    /** Leaves the January partition detach pending, as an interrupted {@code DETACH ... CONCURRENTLY} does. */
    public static void leaveJanuaryPending(TestDatabase db) throws SQLException {
        try (Connection reader = holdingASnapshotOfTheParent(db); Connection detaching = db.connect()) {
            Jdbc.execute(detaching, "SET statement_timeout = '500ms'");
            assertThatThrownBy(() -> Jdbc.execute(detaching,
                    "ALTER TABLE public.events DETACH PARTITION public.events_2026_01 CONCURRENTLY"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
            reader.commit();
        }
        assertThat(db.queryForLong("SELECT count(*) FROM pg_inherits WHERE inhdetachpending "
                + "AND inhrelid = 'public.events_2026_01'::regclass")).as("detach pending").isEqualTo(1L);
    }

    /** A REPEATABLE READ transaction that read the parent: a concurrent detach's second half waits for it to end. */
    public static Connection holdingASnapshotOfTheParent(TestDatabase db) throws SQLException {
        Connection reader = db.connect();
        reader.setAutoCommit(false);
        Jdbc.execute(reader, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        Jdbc.query(reader, "SELECT count(*) FROM public.events", rs -> null);
        return reader;
    }
}
