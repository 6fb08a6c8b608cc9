package dev.zanith.internal.step;

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

    /** No fence: for callers that hold no lock (tests of the applier alone). */
    Fence NONE = tx -> { };
}
