package dev.zanith.risk;

import dev.zanith.schema.TableName;

/**
 * The strongest lock a step takes on one table.
 *
 * @param held how long it is held: {@code brief} (catalog change only) or for the {@code scan}, {@code build}
 *             or {@code rewrite} the step does under it
 */
public record TableLock(TableName table, LockMode mode, String held) {

    public static final String BRIEF = "brief";
    public static final String SCAN = "scan";
    public static final String BUILD = "build";
    public static final String REWRITE = "rewrite";
    public static final String BATCHES = "batches";

    /** "ACCESS EXCLUSIVE on public.users (rewrite)". */
    public String describe() {
        return mode.sql() + " on " + table + " (" + held + ")";
    }
}
