package dev.zanith.internal.step;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a step that gave up waiting for a lock (SQLSTATE 55P03 lock_not_available, or 40P01 deadlock_detected) is
 * retried: up to {@code maxAttempts} attempts in all, waiting an exponentially growing, jittered delay between
 * them, so a busy table is not hammered and several runners do not retry in lockstep.
 *
 * @param maxAttempts    attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the delay after the first failed attempt (before jitter)
 * @param maxBackoff     the cap on any delay (before jitter)
 */
public record LockRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);

    /** No retries: one attempt. */
    public static final LockRetry NONE = new LockRetry(1, Duration.ZERO, Duration.ZERO);

    public LockRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must be zero or positive");
        }
    }

    public static LockRetry defaults() {
        return new LockRetry(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /** Whether {@code sqlState} is worth another attempt: the statement lost a fight for a lock, nothing else. */
    public static boolean isLockFailure(String sqlState) {
        return "55P03".equals(sqlState) || "40P01".equals(sqlState);
    }

    /**
     * The delay after failed attempt number {@code attempt} (1-based): {@code initialBackoff * 2^(attempt-1)},
     * capped at {@code maxBackoff}, then "equal jitter" (a random value between half and all of it).
     */
    public Duration delay(int attempt) {
        long base = initialBackoff.toMillis();
        for (int i = 1; i < attempt && base < maxBackoff.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, maxBackoff.toMillis());
        if (base <= 1) {
            return Duration.ofMillis(base);
        }
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }
}
