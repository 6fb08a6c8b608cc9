package dev.zanith.internal.plan;

import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.output.Plan;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.introspect.PendingDetachFixture;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan of a database with a partition left detach pending says so: the detachPartition step that completes it
 * shows the FINALIZE apply runs instead of the concurrent detach, and a pending detach no step completes is a warning
 * that says how to complete it.
 */
@RealPostgres
class PendingDetachPlanTest {

    private static final TableName EVENTS = new TableName("public", "events");
    private static final DetachPartition DETACH = new DetachPartition(EVENTS,
            Partition.of("public", "events_2026_01", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"), true);
    private static final String FINALIZE = "ALTER TABLE public.events DETACH PARTITION public.events_2026_01 FINALIZE";

    @Test
    void theDetachStepShowsTheFinalizeApplyRuns(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        assertThat(Plans.step(Plans.plan(db, b -> b.allowDestructive(true), DETACH), 1).statements())
                .as("nothing pending yet").containsExactly(FINALIZE.replace("FINALIZE", "CONCURRENTLY"));

        PendingDetachFixture.leaveJanuaryPending(db);
        Plan plan = Plans.plan(db, b -> b.allowDestructive(true), DETACH);
        assertThat(Plans.step(plan, 1).statements()).containsExactly(FINALIZE);
        assertThat(plan.warnings()).containsExactly("partition public.events_2026_01 of public.events is detach pending "
                + "(an interrupted DETACH PARTITION ... CONCURRENTLY): its rows are no longer visible through "
                + "public.events; apply completes the detach at 20260101000000_test #1 with " + FINALIZE);
    }

    @Test
    void aPendingDetachNoStepCompletesIsAWarning(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        PendingDetachFixture.leaveJanuaryPending(db);
        Plan plan = Plans.plan(db, new AddColumn(EVENTS, Column.of("note", "text", true)));
        assertThat(plan.warnings()).singleElement().asString()
                .startsWith("partition public.events_2026_01 of public.events is detach pending")
                .endsWith("no pending step completes it: run " + FINALIZE
                        + ", or a migration with a detachPartition step");
    }
}
