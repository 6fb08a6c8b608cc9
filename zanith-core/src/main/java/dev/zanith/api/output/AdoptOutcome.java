package dev.zanith.api.output;

/** What {@code zanith adopt} makes of one row of the other tool's history. */
public enum AdoptOutcome {
    /** Recorded (or, in a dry run, to be recorded) as an adopted Zanith migration. */
    ADOPT,
    /** The ledger already holds it (an earlier adopt, or Zanith ran it). */
    ALREADY_RECORDED,
    /** Not adopted, and nothing to fix: repeatable, failed, baseline and marker rows, Java migrations. */
    REPORTED,
    /** Blocks {@code --execute}: a file missing from the migrations directory or changed since the tool ran it. */
    PROBLEM
}
