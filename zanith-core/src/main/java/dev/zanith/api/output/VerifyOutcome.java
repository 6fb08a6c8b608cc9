package dev.zanith.api.output;

/** The outcome of a verify, with the exit code {@code zanith verify} ends with for it (README: exit codes). */
public enum VerifyOutcome {
    /** Every pending step ran on the shadow and the result is what was expected. */
    VERIFIED(0),
    /** The steps ran but the result differs from the declared schema (or from what the steps claim). */
    DRIFT(4),
    /** A step failed on the shadow. */
    FAILED(5),
    /** There was nothing to verify. */
    NOTHING_PENDING(6);

    private final int exitCode;

    VerifyOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit code of {@code zanith verify} for this outcome; also the {@code exitCode} of its JSON report. */
    public int exitCode() {
        return exitCode;
    }
}
