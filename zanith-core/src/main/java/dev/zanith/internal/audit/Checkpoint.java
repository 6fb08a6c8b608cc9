package dev.zanith.internal.audit;

/**
 * Progress of a long-running step, as stored in {@code _zanith_migration_checkpoints}.
 *
 * @param cursor        the last key done, as a JSON object of primary-key columns; null before the first batch
 * @param totalRows     the estimate taken when the step started, or null
 * @param status        {@code running}, {@code done} or {@code failed}
 */
public record Checkpoint(String cursor, long processedRows, Long totalRows, String status) {
}
