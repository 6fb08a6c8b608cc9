package dev.zanith.api.output.text;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.StatusReport;
import dev.zanith.api.output.StepRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A status as JSON ({@code zanith status --format json}, {@code zanith:status} with {@code <format>json</format>}). */
public final class StatusJson {

    private StatusJson() {
    }

    /** The report as {@code zanith status --format json} writes it (indented, with a trailing newline). */
    public static String toJson(StatusReport report) {
        return Json.write(tree(report));
    }

    private static Map<String, @Nullable Object> tree(StatusReport report) {
        List<@Nullable Object> applied = new ArrayList<>();
        for (AppliedMigration m : report.applied()) {
            applied.add(Json.object("id", m.id(), "kind", m.kind().value(), "appliedAt", m.appliedAt(),
                    "checksum", m.checksum(), "durationMs", m.durationMs()));
        }
        List<@Nullable Object> restores = new ArrayList<>();
        for (AppliedMigration m : report.restores()) {
            restores.add(Json.object("id", m.id(), "appliedAt", m.appliedAt(), "description", m.description(),
                    "durationMs", m.durationMs()));
        }
        List<@Nullable Object> unfinished = new ArrayList<>();
        report.unfinishedByMigration().forEach((id, steps) -> unfinished.add(Json.object("id", id,
                "steps", steps.stream().map(StatusJson::step).toList())));
        return Json.object("target", report.target(), "initialized", report.initialized(), "applied", applied, "restores", restores,
                "pending", report.pending() == null ? null : report.pending().stream().map(Migration::id).toList(),
                "unfinished", unfinished, "changed", report.changed(),
                "lockHolder", report.lockHolder().map(h -> Json.object("pid", h.pid(), "applicationName",
                        h.applicationName(), "user", h.user(), "clientAddress", h.clientAddress(), "since", h.since()))
                        .orElse(null));
    }

    /** One step of the ledger as the status and history JSON show it. */
    public static Map<String, @Nullable Object> step(StepRow s) {
        return Json.object("stepIndex", s.stepIndex(), "operationKind", s.operationKind(), "status", s.status().value(),
                "summary", s.summary(), "sql", s.sql(), "riskLevel", s.riskLevel(), "riskScore", s.riskScore(),
                "reasons", s.reasons(), "error", s.error(), "sqlState", s.sqlState(), "durationMs", s.durationMs(),
                "startedAt", s.startedAt(), "finishedAt", s.finishedAt(), "attempts", s.attempts());
    }
}
