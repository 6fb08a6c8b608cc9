package dev.zanith.spring.autoconfigure.endpoint;

import dev.zanith.Zanith;
import dev.zanith.ZanithException;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.audit.AppliedMigration;
import dev.zanith.audit.StepRow;
import dev.zanith.command.History;
import dev.zanith.command.Snapshots;
import dev.zanith.command.Status;
import dev.zanith.plan.Plan;
import dev.zanith.plan.PlanJson;
import dev.zanith.recover.RecoverJson;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /actuator/zanith}: what ran, what is pending and how risky it is, what can be restored. Read-only by
 * default; the write operations (apply, restore, purge) need {@code management.endpoint.zanith.access=unrestricted}.
 * <pre>
 * GET    /actuator/zanith                      overview
 * GET    /actuator/zanith/history              applied and unfinished migrations
 * GET    /actuator/zanith/history/{id}         one migration's steps: status, risk, error, SQL, durations
 * GET    /actuator/zanith/risk                 the pending plan: levels, reasons, gates, preflight
 * GET    /actuator/zanith/artifacts            recovery artifacts
 * GET    /actuator/zanith/artifacts/{id}       one artifact
 * GET    /actuator/zanith/snapshots            recorded schema snapshots
 * GET    /actuator/zanith/snapshots/{a}/{b}    what changed between two snapshots
 * POST   /actuator/zanith/apply                apply pending migrations (gates enforced)
 * POST   /actuator/zanith/artifacts/{id}       restore an artifact
 * DELETE /actuator/zanith/artifacts/{id}       purge an artifact (permanent)
 * </pre>
 */
@Endpoint(id = "zanith", defaultAccess = Access.READ_ONLY)
public class ZanithEndpoint {

    private final Zanith zanith;
    private final ZanithRuntime runtime;

    public ZanithEndpoint(Zanith zanith, ZanithRuntime runtime) {
        this.zanith = zanith;
        this.runtime = runtime;
    }

    @ReadOperation
    public Map<String, Object> overview() {
        Status.Report status = zanith.status();
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("target", status.target());
        overview.put("state", runtime == null ? null : runtime.state().name());
        overview.put("problem", runtime == null ? null : runtime.problem());
        overview.put("applied", status.applied().size());
        overview.put("pending", status.pending().stream().map(m -> m.id()).toList());
        AppliedMigration last = status.applied().isEmpty() ? null : status.applied().get(status.applied().size() - 1);
        overview.put("lastApplied", last == null ? null : object("id", last.id(), "appliedAt",
                last.appliedAt().toString(), "durationMs", last.durationMs()));
        overview.put("lastRun", runtime == null || runtime.lastRun() == null ? null : runtime.lastRun().toString());
        overview.put("failedSteps", status.unfinished().stream().filter(s -> s.status().value().equals("failed"))
                .map(ZanithEndpoint::step).toList());
        overview.put("liveArtifacts", zanith.liveArtifacts());
        Plan plan = runtime == null ? null : runtime.lastPlan();
        if (plan != null) {
            overview.put("lastPlan", object("verdict", plan.verdict().name(), "worstScore", plan.worstScore(),
                    "worstLevel", plan.worstLevel().name().toLowerCase(java.util.Locale.ROOT), "steps", plan.toRun().size()));
        }
        if (runtime != null && runtime.backgroundRunning()) {
            overview.put("background", runtime.progress());
        }
        overview.put("lockHolder", status.lockHolder().map(Object::toString).orElse(null));
        return overview;
    }

    @ReadOperation
    public Object section(@Selector String section) {
        return switch (section) {
            case "history" -> zanith.history().stream().map(ZanithEndpoint::migration).toList();
            case "risk" -> PlanJson.tree(zanith.plan());
            case "artifacts" -> zanith.artifacts().stream().map(RecoverJson::artifact).toList();
            case "snapshots" -> zanith.snapshots();
            default -> null;
        };
    }

    @ReadOperation
    public Object item(@Selector String section, @Selector String id) {
        return switch (section) {
            case "history" -> zanith.history().stream().filter(e -> e.id().equals(id)).findFirst()
                    .map(ZanithEndpoint::migrationWithSteps).orElse(null);
            case "artifacts" -> zanith.artifact(id).map(a -> RecoverJson.inspection(zanith.inspectArtifact(id, false)))
                    .orElse(null);
            default -> null;
        };
    }

    @ReadOperation
    public Object pair(@Selector String section, @Selector String from, @Selector String to) {
        if (!section.equals("snapshots")) {
            return null;
        }
        Snapshots.Comparison comparison = zanith.compareSnapshots(from, to);
        return object("from", comparison.from().info(), "to", comparison.to().info(), "changes", comparison.diff());
    }

    /** {@code POST /actuator/zanith/apply}: apply pending migrations now (for plan-only mode), gates enforced. */
    @WriteOperation
    public Object write(@Selector String section) {
        if (!section.equals("apply")) {
            return null;
        }
        ApplyResult result = zanith.apply(ApplyListener.NONE);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("refused", result.refused());
        outcome.put("refusal", result.refusal());
        outcome.put("applied", result.migrations().stream().filter(m -> m.applied()).map(m -> m.id()).toList());
        outcome.put("failedStep", result.failedStep().map(s -> object("stepIndex", s.stepIndex(), "operationKind",
                s.operationKind(), "error", String.valueOf(s.error()))).orElse(null));
        return outcome;
    }

    /**
     * {@code POST /actuator/zanith/artifacts/{id}}: restore an artifact, as {@code zanith recover} does (one
     * transaction under the apply lock, audited). A refusal (name taken, data changed since it was parked) answers 409
     * with the reason. Takes no body, so a bare POST does it; restoring data whose checksum changed is deliberately
     * left to {@code zanith recover ... --accept-changed-data}, where an operator looks at it first.
     */
    @WriteOperation
    public WebEndpointResponse<Object> restore(@Selector String section, @Selector String id) {
        return onArtifact(section, id, () -> RecoverJson.restore(zanith.restore(id)));
    }

    /** {@code DELETE /actuator/zanith/artifacts/{id}}: purge an artifact's parked data and its row. Permanent. */
    @DeleteOperation
    public WebEndpointResponse<Object> purge(@Selector String section, @Selector String id) {
        return onArtifact(section, id, () -> RecoverJson.purge(zanith.purge(id)));
    }

    /**
     * 404 for an unknown artifact; a refusal Zanith decided on answers 409, one the database caused (lock timeout,
     * connection) 500, both with the message.
     */
    private WebEndpointResponse<Object> onArtifact(String section, String id, Supplier<Object> action) {
        if (!section.equals("artifacts") || zanith.artifact(id).isEmpty()) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        try {
            return new WebEndpointResponse<>(action.get());
        } catch (ZanithException e) {
            return failure(e);
        }
    }

    private static WebEndpointResponse<Object> failure(ZanithException e) {
        boolean decided = e.getCause() == null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(decided ? "refused" : "failed", true);
        body.put("message", e.getMessage());
        return new WebEndpointResponse<>(body, decided ? 409 : WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
    }

    /** A map that keeps its keys in the order given, so answers read the same every time. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> migration(History.Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", entry.id());
        m.put("status", entry.status());
        m.put("appliedAt", entry.applied() == null ? null : entry.applied().appliedAt().toString());
        m.put("durationMs", entry.applied() == null ? null : entry.applied().durationMs());
        m.put("steps", entry.steps().size());
        m.put("worstRisk", entry.steps().stream().filter(s -> s.riskScore() != null)
                .max(java.util.Comparator.comparingInt(StepRow::riskScore))
                .map(s -> s.riskLevel() + " " + s.riskScore()).orElse(null));
        return m;
    }

    private static Map<String, Object> migrationWithSteps(History.Entry entry) {
        Map<String, Object> m = migration(entry);
        m.put("steps", entry.steps().stream().map(ZanithEndpoint::step).toList());
        return m;
    }

    private static Map<String, Object> step(StepRow row) {
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
