package dev.zanith.audit;

import java.time.Instant;

/** A row of the migrations ledger. */
public record AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                               String description) {
}
