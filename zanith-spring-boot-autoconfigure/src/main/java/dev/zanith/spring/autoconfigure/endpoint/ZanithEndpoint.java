package dev.zanith.spring.autoconfigure.endpoint;

import dev.zanith.api.output.SnapshotComparison;
import dev.zanith.api.output.StatusSummary;
import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.RecoverJson;
import dev.zanith.spring.autoconfigure.StarterMessages;
import dev.zanith.spring.autoconfigure.ZanithMigrator;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import dev.zanith.studio.AuditJson;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /actuator/zanith}: what ran, what is pending and how risky it is, what can be restored. Read-only by
 * default; the write operations (apply, restore, purge) need {@code management.endpoint.zanith.access=unrestricted}.
 * <pre>
 * GET    /actuator/zanith                      overview
 * GET    /actuator/zanith/history              applied migrations and restores (kind), then unfinished migrations
 * GET    /actuator/zanith/history/{id}         one migration's (or restore's) steps: status, risk, error, SQL, durations
 * GET    /actuator/zanith/risk                 the last plan: levels, reasons, gates, preflight (?refresh=true plans now)
 * GET    /actuator/zanith/artifacts            recovery artifacts
 * GET    /actuator/zanith/artifacts/{id}       one artifact
 * GET    /actuator/zanith/snapshots            recorded schema snapshots
 * GET    /actuator/zanith/snapshots/{a}/{b}    what changed between two snapshots
 * POST   /actuator/zanith/apply                apply pending migrations (gates enforced); 409 when refused
 * POST   /actuator/zanith/artifacts/{id}       restore an artifact
 * POST   /actuator/zanith/artifacts/{id}/accept-changed-data   restore one whose parked data changed, as it is now
 * DELETE /actuator/zanith/artifacts/{id}       purge an artifact (permanent)
 * </pre>
 * Anything not found answers 404 with {@code {"error": "not_found", "message": ...}}; a refusal Zanith decided on
 * answers 409 and a failure the database caused 500, with the message in the same shape.
 */
@Endpoint(id = "zanith", defaultAccess = Access.READ_ONLY)
public class ZanithEndpoint {

    /** HTTP 409: Zanith refused (a gate, a clash); {@link WebEndpointResponse} names no constant for it. */
    private static final int STATUS_CONFLICT = 409;

    /** The last path segment that consents to restoring changed data. */
    public static final String ACCEPT_CHANGED_DATA = "accept-changed-data";

    private final Zanith zanith;
    private final ZanithMigrator migrator;
    private final ZanithRuntime runtime;

    public ZanithEndpoint(ZanithMigrator migrator) {
        this.zanith = migrator.zanith();
        this.migrator = migrator;
        this.runtime = migrator.runtime();
    }

    /** The overview, read at a cost that does not grow with the history (see {@link Zanith#statusSummary()}). */
    @ReadOperation
    public Map<String, Object> overview() {
        StatusSummary status = zanith.statusSummary();
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("target", status.target());
        overview.put("state", runtime.state().name());
        overview.put("problem", runtime.problem());
        overview.put("applied", status.applied());
        overview.put("restores", status.restores());
        overview.put("pending", status.pending());
        AppliedMigration last = status.lastApplied();
        overview.put("lastApplied", last == null ? null : object("id", last.id(), "appliedAt",
                last.appliedAt().toString(), "durationMs", last.durationMs()));
        overview.put("lastRun", runtime.lastRun() == null ? null : runtime.lastRun().toString());
        overview.put("failedSteps", status.failedSteps().stream().map(AuditJson::step).toList());
        overview.put("liveArtifacts", zanith.liveArtifacts());
        Plan plan = runtime.lastPlan();
        if (plan != null) {
            overview.put("lastPlan", object("verdict", plan.verdict().name(), "worstScore", plan.worstScore(),
                    "worstLevel", plan.worstLevel().name().toLowerCase(Locale.ROOT), "steps", plan.toRun().size(),
                    "plannedAt", runtime.plannedAt() == null ? null : runtime.plannedAt().toString()));
        }
        if (runtime.backgroundRunning()) {
            overview.put("background", runtime.progress());
        }
        overview.put("lockHolder", status.lockHolder().map(Object::toString).orElse(null));
        return overview;
    }

    /**
     * {@code history}, {@code risk}, {@code artifacts} or {@code snapshots}. {@code risk} is the last plan (computed
     * at startup and after every apply or restore through this application); {@code ?refresh=true} plans now, for
     * changes made elsewhere (the CLI, another instance).
     */
    @ReadOperation
    public WebEndpointResponse<Object> section(@Selector String section, @Nullable Boolean refresh) {
        return switch (section) {
            case "history" -> ok(zanith.history().stream().map(AuditJson::migration).toList());
            case "risk" -> ok(PlanJson.tree(Boolean.TRUE.equals(refresh) ? migrator.plan() : migrator.lastPlan()));
            case "artifacts" -> ok(zanith.artifacts().stream().map(RecoverJson::artifact).toList());
            case "snapshots" -> ok(zanith.snapshots());
            default -> unknownSection(section);
        };
    }

    @ReadOperation
    public WebEndpointResponse<Object> item(@Selector String section, @Selector String id) {
        return switch (section) {
            case "history" -> zanith.history().stream().filter(e -> e.id().equals(id)).findFirst()
                    .<WebEndpointResponse<Object>>map(e -> ok(AuditJson.migrationWithSteps(e)))
                    .orElseGet(() -> notFound("No migration or restore '" + id + "' in the history of " + target()
                            + "; GET /actuator/zanith/history lists them."));
            case "artifacts" -> zanith.artifact(id).<WebEndpointResponse<Object>>map(a -> ok(inspection(id)))
                    .orElseGet(() -> unknownArtifact(id));
            case "risk", "snapshots", "apply" -> notFound("/actuator/zanith/" + section + " has no item '" + id + "'.");
            default -> unknownSection(section);
        };
    }

    @ReadOperation
    public WebEndpointResponse<Object> pair(@Selector String section, @Selector String from, @Selector String to) {
        if (!section.equals("snapshots")) {
            return notFound("/actuator/zanith/" + section + " has no item '" + from + "/" + to + "'.");
        }
        for (String reference : new String[]{from, to}) {
            Optional<Snapshot> snapshot = zanith.snapshot(reference);
            if (snapshot.isEmpty()) {
                return notFound("No snapshot '" + reference + "' in " + target() + ". Name one by its number, "
                        + "MIGRATION_ID:before|after, or a migration id (its after snapshot); GET /actuator/zanith/snapshots "
                        + "lists them.");
            }
        }
        SnapshotComparison comparison = zanith.compareSnapshots(from, to);
        return ok(object("from", comparison.from().info(), "to", comparison.to().info(), "changes", comparison.diff()));
    }

    /**
     * {@code POST /actuator/zanith/apply}: apply pending migrations now (for {@code zanith.mode=plan-only}), gates
     * enforced, through the same listeners, log and state as a startup apply. 409 with the refusal when a gate
     * refuses (nothing applied), 500 with the failed step when a step fails.
     */
    @WriteOperation
    public WebEndpointResponse<Object> write(@Selector String section) {
        if (!section.equals("apply")) {
            return notFound("/actuator/zanith/" + section + " takes no POST without an id; POST /actuator/zanith/apply "
                    + "applies, POST /actuator/zanith/artifacts/{id} restores.");
        }
        ApplyResult result;
        try {
            result = migrator.apply(migration -> false);
        } catch (ZanithException e) {
            return failure(e);
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("refused", result.refused());
        outcome.put("refusal", StarterMessages.forStarter(result.refusal()));
        outcome.put("applied", result.migrations().stream().filter(m -> m.applied()).map(m -> m.id()).toList());
        Optional<String> failure = result.failedStep().map(step -> runtime.problem());
        outcome.put("failedStep", result.failedStep().map(s -> object("stepIndex", s.stepIndex(), "operationKind",
                s.operationKind(), "error", String.valueOf(s.error()))).orElse(null));
        outcome.put("message", failure.orElse(null));
        if (result.refused()) {
            return new WebEndpointResponse<>(outcome, STATUS_CONFLICT);
        }
        return new WebEndpointResponse<>(outcome, failure.isPresent()
                ? WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR : WebEndpointResponse.STATUS_OK);
    }

    /**
     * {@code POST /actuator/zanith/artifacts/{id}}: restore an artifact, as {@code zanith recover} does (one
     * transaction under the apply lock, audited). Takes no body, so a bare POST does it. A refusal (name taken, data
     * changed since it was parked) answers 409 with the reason.
     */
    @WriteOperation
    public WebEndpointResponse<Object> restore(@Selector String section, @Selector String id) {
        return onArtifact(section, id, () -> RecoverJson.restore(migrator.restore(id, false)));
    }

    /**
     * {@code POST /actuator/zanith/artifacts/{id}/accept-changed-data}: restore an artifact whose parked data no
     * longer matches its checksum, as it is now (the consent the CLI gives with {@code --accept-changed-data}).
     */
    @WriteOperation
    public WebEndpointResponse<Object> restoreChanged(@Selector String section, @Selector String id,
                                                      @Selector String consent) {
        if (!consent.equals(ACCEPT_CHANGED_DATA)) {
            return notFound("/actuator/zanith/" + section + "/" + id + " has no '" + consent + "'; POST .../"
                    + ACCEPT_CHANGED_DATA + " restores data whose checksum changed.");
        }
        return onArtifact(section, id, () -> RecoverJson.restore(migrator.restore(id, true)));
    }

    /** {@code DELETE /actuator/zanith/artifacts/{id}}: purge an artifact's parked data and its row. Permanent. */
    @DeleteOperation
    public WebEndpointResponse<Object> purge(@Selector String section, @Selector String id) {
        return onArtifact(section, id, () -> RecoverJson.purge(migrator.purge(id)));
    }

    private WebEndpointResponse<Object> onArtifact(String section, String id, Supplier<Object> action) {
        if (!section.equals("artifacts")) {
            return notFound("/actuator/zanith/" + section + " has no item '" + id + "' to change; artifacts are under "
                    + "/actuator/zanith/artifacts.");
        }
        if (zanith.artifact(id).isEmpty()) {
            return unknownArtifact(id);
        }
        try {
            return ok(action.get());
        } catch (ZanithException e) {
            return failure(e);
        }
    }

    private Map<String, Object> inspection(String id) {
        Map<String, Object> inspection = new LinkedHashMap<>(RecoverJson.inspection(zanith.inspectArtifact(id, false)));
        inspection.computeIfPresent("restore", (key, value) -> StarterMessages.forStarter(value.toString()));
        return inspection;
    }

    private String target() {
        return zanith.config().target();
    }

    private static WebEndpointResponse<Object> ok(Object body) {
        return new WebEndpointResponse<>(body);
    }

    private static WebEndpointResponse<Object> unknownSection(String section) {
        return notFound("/actuator/zanith has no '" + section + "'; it has history, risk, artifacts and snapshots.");
    }

    private WebEndpointResponse<Object> unknownArtifact(String id) {
        return notFound("No artifact '" + id + "' in " + target() + " (purged, or never recorded); "
                + "GET /actuator/zanith/artifacts lists them.");
    }

    private static WebEndpointResponse<Object> notFound(String message) {
        return new WebEndpointResponse<>(object("error", "not_found", "message", message),
                WebEndpointResponse.STATUS_NOT_FOUND);
    }

    /** A refusal Zanith decided on answers 409, one the database caused (lock timeout, connection) 500. */
    private static WebEndpointResponse<Object> failure(ZanithException e) {
        boolean decided = e.getCause() == null;
        return new WebEndpointResponse<>(object("error", decided ? "refused" : "failed",
                decided ? "refused" : "failed", true, "message", StarterMessages.forStarter(e.getMessage())),
                decided ? STATUS_CONFLICT : WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
    }

    /** A map that keeps its keys in the order given, so answers read the same every time. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
