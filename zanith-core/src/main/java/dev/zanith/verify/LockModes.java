package dev.zanith.verify;

import java.util.List;

/** PostgreSQL's table lock modes, weakest first, as pg_locks names them. */
public final class LockModes {

    /** In order of strength. */
    public static final List<String> ORDER = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private LockModes() {
    }

    /** The stronger of two modes (null counts as none). */
    public static String stronger(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    /** "AccessExclusiveLock" → "ACCESS EXCLUSIVE", as the documentation writes it. */
    public static String display(String mode) {
        if (mode == null) {
            return "-";
        }
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
