package dev.zanith.api.output;

import dev.zanith.api.ops.Operation;

import java.util.List;

/**
 * The typed operations that turn one schema into another, in a safe order, plus what the user should know:
 * suspected renames and changes the differ cannot express.
 *
 * @param kept objects the differ leaves in place on purpose although the target lacks them, because parked
 *             (soft-dropped or archived) data still needs them: {@code extension NAME} or {@code enum SCHEMA.NAME},
 *             named as {@code dev.zanith.api.output.Difference#model()} names them
 */
public record DiffResult(List<Operation> operations, List<RenameSuspect> renameSuspects, List<String> warnings,
                         List<String> kept) {

    public DiffResult {
        operations = List.copyOf(operations);
        renameSuspects = List.copyOf(renameSuspects);
        warnings = List.copyOf(warnings);
        kept = List.copyOf(kept);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
