package dev.zanith.audit;

import java.time.Instant;
import java.util.List;

/**
 * A row of the migrations ledger.
 *
 * @param repairs deliberate checksum changes since it was applied, oldest first
 */
public record AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                               String description, List<ChecksumRepair> repairs) {

    public AppliedMigration {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    public AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                            String description) {
        this(id, checksum, appliedAt, durationMs, appliedBy, description, List.of());
    }
}
