package dev.zanith.cli;

import dev.zanith.internal.verify.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's exit codes are the CLI's (not core's): 0 VERIFIED, 4 DRIFT, 5 FAILED, 6 NOTHING_PENDING. */
class ExitCodesTest {

    @Test
    void everyVerifyVerdictHasItsDocumentedExitCode() {
        assertThat(ExitCodes.of(Verdict.VERIFIED)).isZero();
        assertThat(ExitCodes.of(Verdict.DRIFT)).isEqualTo(4);
        assertThat(ExitCodes.of(Verdict.FAILED)).isEqualTo(5);
        assertThat(ExitCodes.of(Verdict.NOTHING_PENDING)).isEqualTo(6);
    }
}
