package dev.zanith.api.output;

import java.time.Instant;

/** A row of {@code _zanith_schema_snapshots} without its graph. */
public record SnapshotInfo(long id, String migrationId, SnapshotPhase phase, String fingerprint, int modelCount,
                           int fieldCount, Instant capturedAt) {

    /** How people refer to it: {@code 20260101000000_add_users:after}. */
    public String reference() {
        return migrationId + ":" + phase.value();
    }
}
