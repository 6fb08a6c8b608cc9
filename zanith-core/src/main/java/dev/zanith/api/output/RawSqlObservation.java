package dev.zanith.api.output;

import java.util.List;
import java.util.Map;

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
}
