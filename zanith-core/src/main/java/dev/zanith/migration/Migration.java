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

    /**
     * Where line {@code line} of step {@code stepIndex}'s raw SQL is, for messages: {@code file:line} for a .sql
     * file (its lines are the file's), else {@code file step N (rawSql), line L of its sql}.
     */
    public String sqlLocation(int stepIndex, int line) {
        return format == Format.SQL ? location + ":" + line
                : location + " step " + stepIndex + " (rawSql), line " + line + " of its sql";
    }
}
