package dev.zanith.internal.verify;

import dev.zanith.api.output.VerifyResult;
import dev.zanith.internal.introspect.PendingDetachFixture;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify's shadow recreates a detach-pending partition attached (the state cannot be rebuilt there), so the verdict
 * says what the target really has and what completes it.
 */
@RealPostgres
class PendingDetachVerifyTest {

    @Test
    void theVerdictNamesThePendingDetachAndTheStepThatFinalizesIt(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        PendingDetachFixture.leaveJanuaryPending(db);
        VerifyResult result = VerifierTest.verify(db, null, VerifierTest.migration("20260101000000_detach",
                "  - detachPartition:\n" + PendingDetachFixture.JANUARY_YAML));
        assertThat(result.warnings()).contains("partition public.events_2026_01 of public.events is detach pending (an "
                + "interrupted DETACH PARTITION ... CONCURRENTLY): its rows are no longer visible through public.events; "
                + "apply completes the detach at 20260101000000_detach #1 with ALTER TABLE public.events DETACH "
                + "PARTITION public.events_2026_01 FINALIZE");
    }
}
