package dev.zanith.api.output;

import java.time.Instant;
import java.util.List;

/**
 * A row of the migrations ledger: a fully applied migration, or a restore ({@code zanith recover}), which is
 * recorded in the ledger like a migration so that history shows it, under an id starting with
 * {@link #RESTORE_ID_PREFIX}. Restores are history, not migrations: status, health and metrics count them apart.
 *
 * @param repairs deliberate checksum changes since it was applied, oldest first
 */
public record AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                               String description, List<ChecksumRepair> repairs) {

    /**
     * How the ledger id of a restore starts: {@code recover:<artifact id>:<UTC time>}. Restores are recorded in the
     * migrations ledger so that history shows them; a migration id never starts this way (the loader refuses it).
     */
    public static final String RESTORE_ID_PREFIX = "recover:";

    /** Whether a ledger id is a restore's rather than a migration's. */
    public static boolean isRestoreId(String id) {
        return id.startsWith(RESTORE_ID_PREFIX);
    }

    /** Whether this row records a restore rather than a migration. */
    public boolean restore() {
        return isRestoreId(id);
    }

    public AppliedMigration {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    public AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                            String description) {
        this(id, checksum, appliedAt, durationMs, appliedBy, description, List.of());
    }
}
