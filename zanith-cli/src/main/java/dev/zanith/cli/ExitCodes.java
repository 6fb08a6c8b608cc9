package dev.zanith.cli;

import dev.zanith.api.output.VerifyOutcome;

/** The CLI's exit codes; CI pipelines rely on them. */
public final class ExitCodes {

    /** Success (for verify: VERIFIED). */
    public static final int OK = 0;
    /** An error: unreachable server, bad input file, failed step. */
    public static final int ERROR = 1;
    /** A usage mistake: unknown option, missing argument, invalid value. */
    public static final int USAGE = 2;
    /** Refused by a gate (plan, apply). */
    public static final int REFUSED = 3;
    /** verify: the result differs from the declared schema, or from what the steps claim. */
    public static final int DRIFT = VerifyOutcome.DRIFT.exitCode();
    /** verify: a step failed on the shadow. */
    public static final int VERIFY_FAILED = VerifyOutcome.FAILED.exitCode();
    /** verify: nothing pending, nothing to verify. */
    public static final int NOTHING_PENDING = VerifyOutcome.NOTHING_PENDING.exitCode();

    private ExitCodes() {
    }

    /** The exit code of {@code zanith verify} for its verdict. */
    public static int of(VerifyOutcome verdict) {
        return verdict.exitCode();
    }
}
