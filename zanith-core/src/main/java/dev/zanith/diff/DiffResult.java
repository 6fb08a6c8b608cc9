package dev.zanith.diff;

import dev.zanith.ops.Operation;

import java.util.List;

/**
 * The typed operations that turn one schema into another, in a safe order, plus what the user should know:
 * suspected renames and changes the differ cannot express.
 */
public record DiffResult(List<Operation> operations, List<RenameSuspect> renameSuspects, List<String> warnings) {

    public DiffResult {
        operations = List.copyOf(operations);
        renameSuspects = List.copyOf(renameSuspects);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
