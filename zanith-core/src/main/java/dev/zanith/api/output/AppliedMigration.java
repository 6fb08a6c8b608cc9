package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A row of the migrations ledger: a fully applied migration, or a restore ({@code zanith recover}), which is
 * recorded in the ledger like a migration so that history shows it, under an id starting with
 * {@link #RESTORE_ID_PREFIX}. Restores are history, not migrations: status, health and metrics count them apart.
 *
 * @param repairs     deliberate checksum changes since it was applied, oldest first
 * @param kind        what the row records (the ledger's {@code kind} column)
 * @param adoptedFrom for an {@link Kind#ADOPTED adopted} row, the other tool's record of it as compact JSON (see
 *                    docs/ADOPTION.md); null otherwise
 */
public record AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                               @Nullable String description, List<ChecksumRepair> repairs, Kind kind,
                               @Nullable String adoptedFrom) {

    /**
     * How the ledger id of a restore starts: {@code recover:<artifact id>:<UTC time>}. Restores are recorded in the
     * migrations ledger so that history shows them; a migration id never starts this way (the loader refuses it).
     */
    public static final String RESTORE_ID_PREFIX = "recover:";

    /** What a ledger row records (the {@code kind} column). */
    public enum Kind {
        /** A migration Zanith ran (or a restore, told apart by its id). */
        MIGRATION,
        /**
         * The live schema recorded as the starting point ({@code zanith baseline}): nothing ran; migration files
         * whose id sorts at or before it (digit runs compared as numbers) count as applied.
         */
        BASELINE,
        /** A migration another tool ran (Flyway, Liquibase), recorded by {@code zanith adopt}; Zanith ran nothing. */
        ADOPTED;

        /** The value in the ledger: {@code migration}, {@code baseline} or {@code adopted}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind for a ledger value; null (a ledger older than the column) is a migration. */
        public static Kind of(@Nullable String value) {
            return value == null ? MIGRATION : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Whether a ledger id is a restore's rather than a migration's. */
    public static boolean isRestoreId(String id) {
        return id.startsWith(RESTORE_ID_PREFIX);
    }

    /** Whether this row records a restore rather than a migration. */
    public boolean restore() {
        return isRestoreId(id);
    }

    /** Whether this row is a baseline. */
    public boolean baseline() {
        return kind == Kind.BASELINE;
    }

    public AppliedMigration {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        kind = kind == null ? Kind.MIGRATION : kind;
    }

    public AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                            String description, List<ChecksumRepair> repairs) {
        this(id, checksum, appliedAt, durationMs, appliedBy, description, repairs, Kind.MIGRATION, null);
    }

    public AppliedMigration(String id, String checksum, Instant appliedAt, long durationMs, String appliedBy,
                            String description) {
        this(id, checksum, appliedAt, durationMs, appliedBy, description, List.of());
    }
}
