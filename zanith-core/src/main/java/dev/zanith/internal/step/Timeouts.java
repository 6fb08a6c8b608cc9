package dev.zanith.internal.step;

import java.time.Duration;

/**
 * Per-step session limits. A short lock timeout keeps a step waiting for ACCESS EXCLUSIVE from queueing every
 * other query on the table behind it; statement timeouts bound the work itself.
 *
 * @param lockTimeout          how long a step may wait for a lock before giving up (and retrying)
 * @param statementTimeout     limit for ordinary statements (any step, raw SQL included, that is not long-running)
 * @param longStatementTimeout limit for long-running steps ({@code Operation.longRunning()}: index builds,
 *                             validation, rewrites, copies) and backfill batches (zero: none)
 */
public record Timeouts(Duration lockTimeout, Duration statementTimeout, Duration longStatementTimeout) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_LONG_STATEMENT_TIMEOUT = Duration.ofHours(6);

    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, DEFAULT_LONG_STATEMENT_TIMEOUT);
    }

    /** The value for {@code SET statement_timeout} / {@code lock_timeout}: milliseconds, 0 meaning no limit. */
    static String millis(Duration duration) {
        return Long.toString(duration == null ? 0 : duration.toMillis());
    }
}
