package dev.zanith.api.risk;

import java.util.Arrays;
import java.util.Optional;

/** PostgreSQL's table lock modes, weakest first. */
public enum LockMode {
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
    ROW_SHARE("ROW SHARE", "RowShareLock"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
    SHARE("SHARE", "ShareLock"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

    private final String sql;
    private final String pgLocksName;

    LockMode(String sql, String pgLocksName) {
        this.sql = sql;
        this.pgLocksName = pgLocksName;
    }

    /** As written in SQL and in the docs: {@code SHARE ROW EXCLUSIVE}. */
    public String sql() {
        return sql;
    }

    /** As {@code pg_locks.mode} reports it: {@code ShareRowExclusiveLock}. */
    public String pgLocksName() {
        return pgLocksName;
    }

    /** Only ACCESS EXCLUSIVE blocks plain SELECT. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** SHARE and stronger conflict with ROW EXCLUSIVE, the lock INSERT/UPDATE/DELETE take. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    public static Optional<LockMode> fromPgLocks(String mode) {
        return Arrays.stream(values()).filter(m -> m.pgLocksName.equals(mode)).findFirst();
    }

    public static LockMode strongest(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return sql;
    }
}
