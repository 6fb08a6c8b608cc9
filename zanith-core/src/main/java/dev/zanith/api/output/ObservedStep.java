package dev.zanith.api.output;

import dev.zanith.api.output.Prediction;
import dev.zanith.api.risk.LockMode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a step really did on the shadow, and what the risk model predicted.
 *
 * @param tableLocks      strongest lock mode the step took on each table that existed before it, including locks
 *                        taken through the table's indexes; keys are {@code schema.table}
 * @param lockObserved    false when the step finished before its locks could be seen (a non-transactional
 *                        statement that never had to wait)
 * @param rewrittenTables tables whose storage was rewritten (new relfilenode)
 * @param rebuiltIndexes  indexes of existing tables whose storage was rebuilt
 * @param scannedTables   tables whose rows the step read (a sequential or index scan began: the shadow's tables
 *                        are empty, so scans are counted, not rows), or null when the server cannot say (a
 *                        statement outside a transaction before PostgreSQL 15)
 * @param inferredKinds   for raw SQL: the operation kinds its effect on the schema amounts to
 * @param inferred        for raw SQL: those operations, as typed operations in the live database's names
 * @param derivedLevel    for raw SQL: the level derived from what it did ("medium 40 (raw_sql, adds_index)"), else null
 * @param predicted       the risk model's prediction, or null when none was made
 * @param mismatches      where prediction and observation disagree, one sentence each
 * @param error           the server's error when the step failed, else null
 */
public record ObservedStep(String migrationId, int stepIndex, String operationKind, String summary,
                           Map<String, LockMode> tableLocks, boolean lockObserved, Set<String> rewrittenTables,
                           Set<String> rebuiltIndexes, @Nullable Set<String> scannedTables, List<String> inferredKinds,
                           List<dev.zanith.api.ops.Operation> inferred, @Nullable String derivedLevel,
                           @Nullable Prediction predicted, List<String> mismatches, long durationMs,
                           @Nullable String error, @Nullable String sqlState) {

    public ObservedStep {
        tableLocks = Map.copyOf(tableLocks);
        rewrittenTables = Set.copyOf(rewrittenTables);
        rebuiltIndexes = Set.copyOf(rebuiltIndexes);
        scannedTables = scannedTables == null ? null : Set.copyOf(scannedTables);
        inferredKinds = List.copyOf(inferredKinds);
        inferred = inferred == null ? List.of() : List.copyOf(inferred);
        mismatches = List.copyOf(mismatches);
    }

    public boolean failed() {
        return error != null;
    }

    /** The strongest lock over all tables, or null. */
    public @Nullable LockMode strongestLock() {
        return tableLocks.values().stream().reduce(LockMode::strongest).orElse(null);
    }

    public boolean rewrote() {
        return !rewrittenTables.isEmpty();
    }

    /** The same step with a prediction and what it got wrong. */
    public ObservedStep withPrediction(@Nullable Prediction prediction) {
        return new ObservedStep(migrationId, stepIndex, operationKind, summary, tableLocks, lockObserved, rewrittenTables,
                rebuiltIndexes, scannedTables, inferredKinds, inferred, derivedLevel, prediction, compare(prediction), durationMs,
                error, sqlState);
    }

    /** The same step failed: what the rehearsal could not show made it fail elsewhere (the live data). */
    public ObservedStep failedWith(String message, String state) {
        return new ObservedStep(migrationId, stepIndex, operationKind, summary, tableLocks, lockObserved, rewrittenTables,
                rebuiltIndexes, scannedTables, inferredKinds, inferred, derivedLevel, predicted, mismatches, durationMs,
                message, state);
    }

    private List<String> compare(@Nullable Prediction prediction) {
        if (prediction == null || failed()) {
            return List.of();
        }
        List<String> disagreements = new java.util.ArrayList<>();
        if (lockObserved) {
            java.util.Set<String> tables = new java.util.TreeSet<>(prediction.locks().keySet());
            tables.addAll(tableLocks.keySet());
            for (String table : tables) {
                LockMode said = prediction.locks().get(table);
                LockMode did = tableLocks.get(table);
                if (said != did) {
                    disagreements.add("lock on " + table + ": predicted " + (said == null ? "none" : said.sql())
                            + ", observed " + (did == null ? "none" : did.sql()));
                }
            }
        }
        if (prediction.rewrite() != null && prediction.rewrite() != rewrote()) {
            disagreements.add("rewrite: predicted " + (prediction.rewrite() ? "yes" : "no") + ", observed "
                    + (rewrote() ? "yes" : "no"));
        }
        if (prediction.scan() != null && scannedTables != null && prediction.scan() != !scannedTables.isEmpty()) {
            disagreements.add("scan: predicted " + (prediction.scan() ? "yes" : "no") + ", observed "
                    + (scannedTables.isEmpty() ? "no rows read" : "rows of " + String.join(", ",
                    new java.util.TreeSet<>(scannedTables)) + " read"));
        }
        return disagreements;
    }
}
