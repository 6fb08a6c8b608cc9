package dev.zanith.cli;

import dev.zanith.api.output.VerifyOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's exit codes are the CLI's (not core's): 0 VERIFIED, 4 DRIFT, 5 FAILED, 6 NOTHING_PENDING. */
class ExitCodesTest {

    @Test
    void everyVerifyVerdictHasItsDocumentedExitCode() {
        assertThat(ExitCodes.of(VerifyOutcome.VERIFIED)).isZero();
        assertThat(ExitCodes.of(VerifyOutcome.DRIFT)).isEqualTo(4);
        assertThat(ExitCodes.of(VerifyOutcome.FAILED)).isEqualTo(5);
        assertThat(ExitCodes.of(VerifyOutcome.NOTHING_PENDING)).isEqualTo(6);
    }
}
