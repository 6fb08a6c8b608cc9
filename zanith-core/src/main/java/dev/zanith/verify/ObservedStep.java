package dev.zanith.verify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a step really did on the shadow.
 *
 * @param tableLocks     strongest lock mode (pg_locks name) the step took on each table that existed before it,
 *                       including locks taken through the table's indexes; keys are {@code schema.table}
 * @param lockObserved   false when the step finished before its locks could be seen (a non-transactional statement
 *                       that never had to wait)
 * @param rewrittenTables tables whose storage was rewritten (new relfilenode)
 * @param rebuiltIndexes  indexes of existing tables whose storage was rebuilt
 * @param inferredKinds   for raw SQL: the operation kinds its effect on the schema amounts to
 * @param error          the server's error when the step failed, else null
 */
public record ObservedStep(String migrationId, int stepIndex, String operationKind, String summary,
                           Map<String, String> tableLocks, boolean lockObserved, Set<String> rewrittenTables,
                           Set<String> rebuiltIndexes, List<String> inferredKinds, long durationMs, String error,
                           String sqlState) {

    public ObservedStep {
        tableLocks = Map.copyOf(tableLocks);
        rewrittenTables = Set.copyOf(rewrittenTables);
        rebuiltIndexes = Set.copyOf(rebuiltIndexes);
        inferredKinds = List.copyOf(inferredKinds);
    }

    public boolean failed() {
        return error != null;
    }

    /** The strongest lock over all tables, or null. */
    public String strongestLock() {
        return tableLocks.values().stream().reduce(null, LockModes::stronger);
    }

    public boolean rewrote() {
        return !rewrittenTables.isEmpty();
    }
}
