package dev.zanith.cli;

import dev.zanith.ZanithConfig;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Apply's lock, timeout, retry and backfill settings (defaults: {@link ZanithConfig}). */
final class ApplyOptions {

    @Option(names = "--lock-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for another apply on the same target to finish (0: do not wait). Default: 10m.")
    Duration lockWait;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a step may wait for a table lock before it gives up and retries. Default: 2s.")
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for ordinary statements, raw SQL included (0: none). Default: 1m.")
    Duration statementTimeout;

    @Option(names = "--long-statement-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for index builds, validation, rewrites and backfill batches, in typed or raw SQL "
                    + "steps (0: none). Default: 6h.")
    Duration longStatementTimeout;

    // --lock-retries was the first name; it always counted attempts, not retries, so it is kept only as an alias
    @Option(names = {"--lock-attempts", "--lock-retries"}, paramLabel = "N",
            description = "Attempts in all for a step that hits the lock timeout (1: no retry; --lock-retries is "
                    + "an old name for it). Default: 10.")
    Integer lockAttempts;

    @Option(names = "--lock-retry-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Delay after the first lock timeout; doubles per attempt, with jitter. Default: 500ms.")
    Duration lockRetryBackoff;

    @Option(names = "--backfill-batch-size", paramLabel = "ROWS",
            description = "Rows per backfill batch unless the operation sets batchSize: fixed batches of this size "
                    + "(the first batch's size when --backfill-target-batch-duration is given too). Default: batches "
                    + "adapt from 1000 rows.")
    Integer backfillBatchSize;

    @Option(names = "--backfill-target-batch-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long one backfill batch should take: batch sizes adapt after every batch (0: fixed "
                    + "batches). Default: 100ms.")
    Duration backfillTargetBatchDuration;

    @Option(names = "--backfill-pause", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Pause between backfill batches. Default: none.")
    Duration backfillPause;

    @Option(names = "--artifact-retention", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long recovery artifacts of destructive steps are kept before recover cleanup may purge "
                    + "them (0: forever). Default: 30d.")
    Duration artifactRetention;

    ZanithConfig.Builder applyTo(ZanithConfig.Builder builder) {
        if (lockWait != null) {
            builder.lockWait(lockWait);
        }
        if (lockTimeout != null) {
            builder.lockTimeout(lockTimeout);
        }
        if (statementTimeout != null) {
            builder.statementTimeout(statementTimeout);
        }
        if (longStatementTimeout != null) {
            builder.longStatementTimeout(longStatementTimeout);
        }
        if (lockAttempts != null) {
            builder.lockRetryAttempts(lockAttempts);
        }
        if (lockRetryBackoff != null) {
            builder.lockRetryBackoff(lockRetryBackoff);
        }
        if (backfillBatchSize != null) {
            builder.backfillBatchSize(backfillBatchSize);
        }
        if (backfillTargetBatchDuration != null) {
            builder.backfillTargetBatchDuration(backfillTargetBatchDuration);
        }
        if (backfillPause != null) {
            builder.backfillPause(backfillPause);
        }
        if (artifactRetention != null) {
            builder.artifactRetention(artifactRetention);
        }
        return builder;
    }
}
