package dev.zanith.studio;

import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.HistoryEntry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of history entries and audited steps, one place for {@code /actuator/zanith/history} and the
 * Studio's {@code api/history} (documented in docs/STUDIO.md).
 */
public final class AuditJson {

    private AuditJson() {
    }

    /**
     * A history entry without its steps: {@code id, kind (migration|restore), status (applied|failed|running),
     * appliedAt (ISO-8601 or null), durationMs (null until applied), steps (count), worstRisk ("HIGH 72" or null)}.
     */
    public static Map<String, Object> migration(HistoryEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", entry.id());
        m.put("kind", entry.kind());
        m.put("status", entry.status());
        m.put("appliedAt", entry.applied() == null ? null : entry.applied().appliedAt().toString());
        m.put("durationMs", entry.applied() == null ? null : entry.applied().durationMs());
        m.put("steps", entry.steps().size());
        m.put("worstRisk", entry.steps().stream().filter(s -> s.riskScore() != null)
                .max(Comparator.comparingInt(StepRow::riskScore))
                .map(s -> s.riskLevel() + " " + s.riskScore()).orElse(null));
        return m;
    }

    /** As {@link #migration(HistoryEntry)}, with {@code steps} the list of {@link #step(StepRow)}. */
    public static Map<String, Object> migrationWithSteps(HistoryEntry entry) {
        Map<String, Object> m = migration(entry);
        m.put("steps", entry.steps().stream().map(AuditJson::step).toList());
        return m;
    }

    /**
     * One audited step: {@code migrationId, stepIndex (1-based), operationKind, status, summary, riskLevel,
     * riskScore, reasons, sql, error, sqlState, durationMs, attempts, startedAt, finishedAt} (times ISO-8601).
     */
    public static Map<String, Object> step(StepRow row) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("migrationId", row.migrationId());
        s.put("stepIndex", row.stepIndex());
        s.put("operationKind", row.operationKind());
        s.put("status", row.status().value());
        s.put("summary", row.summary());
        s.put("riskLevel", row.riskLevel());
        s.put("riskScore", row.riskScore());
        s.put("reasons", row.reasons());
        s.put("sql", row.sql());
        s.put("error", row.error());
        s.put("sqlState", row.sqlState());
        s.put("durationMs", row.durationMs());
        s.put("attempts", row.attempts());
        s.put("startedAt", row.startedAt() == null ? null : row.startedAt().toString());
        s.put("finishedAt", row.finishedAt() == null ? null : row.finishedAt().toString());
        return s;
    }
}
