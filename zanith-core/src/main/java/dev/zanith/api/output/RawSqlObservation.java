package dev.zanith.api.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a raw SQL step did when rehearsed on a shadow ({@code plan --observe}): the operations it amounts to,
 * the locks it took and whether it rewrote a table, and the level derived from that (still raw_sql).
 *
 * @param locks table → lock mode as written in SQL ({@code ACCESS EXCLUSIVE})
 */
public record RawSqlObservation(String migrationId, int stepIndex, List<String> inferredKinds, Map<String, String> locks,
                                boolean rewrites, String derivedLevel) {

    public RawSqlObservation {
        inferredKinds = List.copyOf(inferredKinds);
        locks = Map.copyOf(locks);
    }

    /** What the raw SQL steps of a rehearsal did (steps that failed on the shadow left out), in step order. */
    public static List<RawSqlObservation> of(VerifyResult rehearsal) {
        List<RawSqlObservation> raw = new ArrayList<>();
        for (ObservedStep step : rehearsal.steps()) {
            if (step.operationKind().equals("rawSql") && !step.failed()) {
                Map<String, String> locks = new TreeMap<>();
                step.tableLocks().forEach((table, mode) -> locks.put(table, mode.sql()));
                raw.add(new RawSqlObservation(step.migrationId(), step.stepIndex(), step.inferredKinds(), locks,
                        step.rewrote(), step.derivedLevel() == null ? "unknown" : step.derivedLevel()));
            }
        }
        return raw;
    }
}
