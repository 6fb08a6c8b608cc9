package dev.zanith.api.output;

import dev.zanith.api.output.PreflightCheck;
import java.util.List;

/**
 * The outcome of one preflight check.
 *
 * @param description what was checked: "NULLs in public.users.email"
 * @param count       offending rows (for HOLDS_DATA: 1 when it holds data, else 0); counting stops at
 *                    {@link Preflight#COUNT_CAP}, see {@code countCapped}
 * @param keyColumns  what the samples are made of: the primary key columns, or {@code ctid} without one
 * @param samples     up to five offending rows, by primary key rendered as text
 * @param message     one line for people
 */
public record PreflightResult(PreflightCheck check, Status status, String description, long count,
                              boolean countCapped, List<String> keyColumns, List<String> samples, String message) {

    /** How a check came out. */
    public enum Status {
        /** The data is clean. */
        PASSED,
        /** The data would make the step fail: the plan is refused. */
        FAILED,
        /** Not applicable or trivially clean (a table created earlier in the plan); the message says why. */
        SKIPPED,
        /** Could not be decided (timed out, or the check itself failed); apply still checks by running the step. */
        INCONCLUSIVE,
        /** A fact, not a verdict (whether a dropped column holds data). */
        INFO;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PreflightResult {
        keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public static PreflightResult skipped(PreflightCheck check, String description, String why) {
        return new PreflightResult(check, Status.SKIPPED, description, 0, false, List.of(), List.of(), why);
    }
}
