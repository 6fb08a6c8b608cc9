package dev.zanith.audit;

import dev.zanith.schema.SchemaGraph;

/** A stored schema snapshot with its graph. */
public record Snapshot(SnapshotInfo info, SchemaGraph graph) {
}
