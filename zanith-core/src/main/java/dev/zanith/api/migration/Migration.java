package dev.zanith.api.migration;

import dev.zanith.api.ops.Operation;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One migration: an id that orders it, its operations, and the checksum of the file it came from.
 *
 * @param location       where it was loaded from, for messages (a path or classpath location)
 * @param operationLines the 1-based line on which each operation starts in the file, for messages; empty when
 *                       unknown (migrations built in code, SQL files)
 */
public record Migration(String id, @Nullable String description, List<Operation> operations, String checksum,
                        String location, Format format, List<Integer> operationLines) {

    /** The file format a migration was written in. */
    public enum Format { YAML, SQL }

    public Migration {
        operations = List.copyOf(operations);
        operationLines = operationLines == null ? List.of() : List.copyOf(operationLines);
    }

    /** A migration whose operation lines are unknown. */
    public Migration(String id, @Nullable String description, List<Operation> operations, String checksum,
                     String location, Format format) {
        this(id, description, operations, checksum, location, format, List.of());
    }

    /** For messages: {@code file:line (operation N)}, the line left out when unknown; {@code index} is 1-based. */
    public String stepLocation(int index) {
        return location + (index >= 1 && index <= operationLines.size() ? ":" + operationLines.get(index - 1) : "")
                + " (operation " + index + ")";
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
