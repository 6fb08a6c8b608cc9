package dev.zanith.internal.shadow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a shadow's cleanup when the JVM exits before the shadow was closed (Ctrl-C during {@code zanith
 * generate}); closing the shadow cancels it.
 */
final class ShutdownCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownCleanup.class);

    private final Thread hook;

    private ShutdownCleanup(Thread hook) {
        this.hook = hook;
    }

    static ShutdownCleanup register(String what, Runnable cleanup) {
        Thread hook = new Thread(() -> {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not clean up {} while the JVM exits: {}", what, e.getMessage());
            }
        }, "zanith-shadow-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the caller's own close() is all there is.
        }
        return new ShutdownCleanup(hook);
    }

    /** Called by close(): the cleanup is being done now, not at exit. */
    void cancel() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook may be running; cleanups are idempotent.
        }
    }
}
