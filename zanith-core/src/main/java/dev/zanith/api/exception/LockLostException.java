package dev.zanith.api.exception;

import org.jspecify.annotations.Nullable;

/**
 * The apply lock was lost while applying, repairing or restoring/purging (its session ended, e.g. by
 * {@code pg_terminate_backend}): another applier may own the steps now, so this one stops without writing anything
 * more, not even a "failed" row; a repair, restore or purge rolls its one transaction back.
 */
public final class LockLostException extends ZanithException {

    private static final long serialVersionUID = 1L;

    public LockLostException(String message) {
        super(message);
    }

    public LockLostException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
