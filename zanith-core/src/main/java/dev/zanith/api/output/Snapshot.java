package dev.zanith.api.output;

import dev.zanith.api.schema.SchemaGraph;

/** A stored schema snapshot with its graph. */
public record Snapshot(SnapshotInfo info, SchemaGraph graph) {
}
