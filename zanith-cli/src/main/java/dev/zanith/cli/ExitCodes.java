package dev.zanith.cli;

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

    private ExitCodes() {
    }
}
