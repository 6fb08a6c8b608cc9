package dev.zanith.api.risk;

import dev.zanith.api.schema.TableName;

/**
 * The strongest lock a step takes on one table.
 *
 * @param held how long it is held: {@code brief} (catalog change only) or for the {@code scan}, {@code build}
 *             or {@code rewrite} the step does under it; {@code brief-after-share-scan}: the step first scans the
 *             table under SHARE (writes wait, reads go on), then takes {@code mode} briefly; {@code refused}: the
 *             server takes {@code mode}, then refuses the statement (it fails and changes nothing)
 */
public record TableLock(TableName table, LockMode mode, String held) {

    public static final String BRIEF = "brief";
    public static final String SCAN = "scan";
    public static final String BUILD = "build";
    public static final String REWRITE = "rewrite";
    public static final String BATCHES = "batches";
    /** SHARE for a scan (a copy that must see no concurrent write), then {@code mode} briefly (archiveColumn). */
    public static final String BRIEF_AFTER_SHARE_SCAN = "brief-after-share-scan";
    /** The server takes the lock, then refuses the statement (observed: SQLSTATE 0A000); nothing changes. */
    public static final String REFUSED = "refused";

    /** "ACCESS EXCLUSIVE on public.users (rewrite)"; "SHARE on public.users (scan), then ACCESS EXCLUSIVE (brief)". */
    public String describe() {
        if (BRIEF_AFTER_SHARE_SCAN.equals(held)) {
            return LockMode.SHARE.sql() + " on " + table + " (" + SCAN + "), then " + mode.sql() + " (" + BRIEF + ")";
        }
        return mode.sql() + " on " + table + " (" + held + ")";
    }

    /** "ACCESS EXCLUSIVE (rewrite)", or "SHARE (scan), then ACCESS EXCLUSIVE (brief)". */
    public String describeMode() {
        if (BRIEF_AFTER_SHARE_SCAN.equals(held)) {
            return LockMode.SHARE.sql() + " (" + SCAN + "), then " + mode.sql() + " (" + BRIEF + ")";
        }
        return mode.sql() + " (" + held + ")";
    }
}
