package dev.zanith.api.output;

/** The outcome of a verify (the CLI's exit code for each is in its {@code ExitCodes}). */
public enum VerifyOutcome {
    /** Every pending step ran on the shadow and the result is what was expected. */
    VERIFIED,
    /** The steps ran but the result differs from the declared schema (or from what the steps claim). */
    DRIFT,
    /** A step failed on the shadow. */
    FAILED,
    /** There was nothing to verify. */
    NOTHING_PENDING
}
