package dev.zanith.api.output;

/** Two snapshots and what changed from the first to the second. */
public record SnapshotComparison(Snapshot from, Snapshot to, SnapshotDiff diff) {
}
