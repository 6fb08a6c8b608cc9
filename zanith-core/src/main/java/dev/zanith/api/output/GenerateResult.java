package dev.zanith.api.output;

import dev.zanith.api.output.Scope;
import dev.zanith.api.ops.Operation;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What generate did; {@code file} is null when there was nothing to do.
 *
 * @param scope the schemas compared (and how they were chosen)
 */
public record GenerateResult(@Nullable Path file, @Nullable String id, List<Operation> operations,
                             List<RenameSuspect> renameSuspects, List<String> warnings, int pendingMigrations,
                             Scope scope) {

    public boolean nothingToDo() {
        return file == null;
    }
}
