package dev.zanith.internal.step;

import dev.zanith.internal.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Proves, inside a transaction that writes a step's effects or its audit rows, that this applier still owns the
 * apply lock; a transaction that cannot prove it must not commit. See {@link AdvisoryLock#fence()} for how the
 * proof stays valid until the transaction ends.
 */
@FunctionalInterface
public interface Fence {

    /**
     * Checks ownership inside the open transaction of {@code tx}.
     *
     * @throws LockLostException when the lock is gone or held by another session (roll back, write nothing more)
     */
    void check(Connection tx) throws SQLException;

    /**
     * Runs {@code work} inside the open transaction of {@code tx} between two checks: the first stops a writer that
     * already lost the lock before it changes anything, the second, right before the caller commits, keeps a writer
     * whose lock session ended while it worked from committing. For writers whose whole change is one transaction
     * (restore, purge, repair); apply checks before each step and batch and again before each one commits.
     *
     * @return what {@code work} returns
     * @throws LockLostException when either check fails (the caller's transaction must roll back)
     */
    default <T> T around(Connection tx, Jdbc.SqlWork<T> work) throws SQLException {
        check(tx);
        T result = work.run(tx);
        check(tx);
        return result;
    }

    /** No fence: for callers that hold no lock (tests of the applier alone). */
    Fence NONE = tx -> { };
}
