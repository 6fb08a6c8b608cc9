package dev.zanith.verify;

/** The outcome of a verify, each with its own CLI exit code. */
public enum Verdict {
    /** Every pending step ran on the shadow and the result is what was expected. */
    VERIFIED(0),
    /** The steps ran but the result differs from the declared schema (or from what the steps claim). */
    DRIFT(4),
    /** A step failed on the shadow. */
    FAILED(5),
    /** There was nothing to verify. */
    NOTHING_PENDING(6);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
