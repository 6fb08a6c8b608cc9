package dev.zanith.studio;

import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.api.output.HistoryEntry;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static dev.zanith.studio.Studio.object;

/**
 * {@code api/audit}: the six questions of docs/AUDIT.md answered from the history and the artifacts the facade reads
 * (the sixth, a snapshot diff, is {@code api/snapshots/{a}/diff/{b}}):
 * <pre>
 * recent           the 20 most recent applied migrations: id, status, appliedAt, durationMs, worstLevel, worstScore
 * durationByKind   finished steps per operation kind: operationKind, steps, avgMs, maxMs; slowest average first
 * failedLast7Days  failed steps that started within 7 days of now (shape of AuditJson.step), newest first
 * riskProfile      migrations with recorded risk: id, worstLevel, worstScore, totalRisk; worst, then total, first (20)
 * liveArtifacts    live artifacts: id, source, type, sizeBytes, rowCount, createdAt; oldest first
 * </pre>
 */
final class AuditAnswers {

    private static final int TOP = 20;

    private AuditAnswers() {
    }

    static Map<String, Object> of(List<HistoryEntry> history, List<Artifact> artifacts, Instant now) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("recent", history.stream().filter(e -> e.applied() != null)
                .sorted(Comparator.comparing((HistoryEntry e) -> e.applied().appliedAt()).reversed()).limit(TOP)
                .map(e -> object("id", e.id(), "status", e.status(), "appliedAt", e.applied().appliedAt().toString(),
                        "durationMs", e.applied().durationMs(),
                        "worstLevel", e.worstStep().map(StepRow::riskLevel).orElse(null),
                        "worstScore", e.worstStep().map(StepRow::riskScore).orElse(null)))
                .toList());
        Map<String, long[]> byKind = new TreeMap<>();
        for (HistoryEntry entry : history) {
            for (StepRow step : entry.steps()) {
                if (step.durationMs() != null) {
                    long[] sums = byKind.computeIfAbsent(step.operationKind(), k -> new long[3]);
                    sums[0]++;
                    sums[1] += step.durationMs();
                    sums[2] = Math.max(sums[2], step.durationMs());
                }
            }
        }
        List<Map<String, Object>> durations = new ArrayList<>();
        byKind.forEach((kind, sums) -> durations.add(object("operationKind", kind, "steps", sums[0],
                "avgMs", (double) sums[1] / sums[0], "maxMs", sums[2])));
        durations.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("avgMs")).reversed());
        answers.put("durationByKind", durations);
        Instant weekAgo = now.minus(Duration.ofDays(7));
        answers.put("failedLast7Days", history.stream().flatMap(e -> e.steps().stream())
                .filter(s -> s.status() == StepStatus.FAILED && s.startedAt() != null && s.startedAt().isAfter(weekAgo))
                .sorted(Comparator.comparing(StepRow::startedAt).reversed()).map(AuditJson::step).toList());
        answers.put("riskProfile", history.stream().filter(e -> e.worstStep().isPresent())
                .sorted(Comparator.comparing((HistoryEntry e) -> e.worstStep().get().riskScore())
                        .thenComparingInt(HistoryEntry::totalRisk).reversed()).limit(TOP)
                .map(e -> object("id", e.id(), "worstLevel", e.worstStep().get().riskLevel(),
                        "worstScore", e.worstStep().get().riskScore(), "totalRisk", e.totalRisk()))
                .toList());
        answers.put("liveArtifacts", artifacts.stream().filter(a -> a.status() == ArtifactStatus.LIVE)
                .sorted(Comparator.comparing(Artifact::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> object("id", a.id(), "source", a.sourceName(), "type", a.type().id(), "sizeBytes", a.sizeBytes(),
                        "rowCount", a.rowCount(), "createdAt", Objects.toString(a.createdAt(), null)))
                .toList());
        return answers;
    }
}
