package dev.zanith.migration;

import dev.zanith.ops.Operation;

import java.util.List;

/**
 * One migration: an id that orders it, its operations, and the checksum of the file it came from.
 *
 * @param location where it was loaded from, for messages (a path or classpath location)
 */
public record Migration(String id, String description, List<Operation> operations, String checksum, String location,
                        Format format) {

    /** The file format a migration was written in. */
    public enum Format { YAML, SQL }

    public Migration {
        operations = List.copyOf(operations);
    }
}
