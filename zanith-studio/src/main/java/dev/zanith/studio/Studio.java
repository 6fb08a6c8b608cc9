package dev.zanith.studio;

import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.HistoryEntry;
import dev.zanith.api.output.SnapshotComparison;
import dev.zanith.api.output.StatusSummary;
import dev.zanith.api.output.Gates;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.ExportFormat;
import dev.zanith.api.output.RecoverJson;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Table;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Studio, host-neutral: its page, its assets and its JSON API under {@code <studio path>/api/}, answering
 * {@link StudioRequest}s with {@link StudioResponse}s. Reads through the {@link Zanith} facade only; writes through
 * the host's {@link StudioActions}, and only when the host's {@link WriteAccess} allows them. Hosts: the CLI's
 * {@code zanith studio} (JDK HTTP server) and the Spring Boot starter ({@code zanith.studio.enabled}).
 * <pre>
 * GET    api/overview                 where the target stands; write access and why
 * GET    api/audit                    the six questions of docs/AUDIT.md, answered (see {@link AuditAnswers})
 * GET    api/plan                     the plan (docs/PLAN-JSON.md); ?maxRisk=&amp;allowDestructive=&amp;denyReasons=
 *                                     re-evaluate the gates for other settings (a what-if; nothing is written)
 * GET    api/history                  ?status=applied|failed|running &amp;kind=OP_KIND &amp;from=&amp;to=YYYY-MM-DD &amp;q=TEXT
 * GET    api/history/{id}             one migration (or restore) with its steps
 * GET    api/snapshots                recorded snapshots, oldest first
 * GET    api/snapshots/{ref}/models   one snapshot's models (tables): columns and references
 * GET    api/snapshots/{a}/diff/{b}   what changed from snapshot a to b
 * GET    api/artifacts                recovery artifacts, newest first
 * GET    api/artifacts/{id}           one artifact inspected (data present, what restore would do, recovery SQL)
 * GET    api/artifacts/{id}/export    ?format=csv|jsonl|json: the parked rows as a streamed download
 * POST   api/apply                    apply (gates enforced); Accept: text/event-stream streams progress
 * POST   api/artifacts/{id}/restore   restore (?acceptChangedData=true restores data whose checksum changed)
 * DELETE api/artifacts/{id}           purge (permanent); ?confirm={id} must repeat the id
 * </pre>
 * Errors answer {@code {"error": code, "message": text}}: 400 bad input, 403 writes disabled or not same-origin, 404
 * not found, 405 wrong method, 409 a refusal Zanith decided on (nothing changed), 500 a failure the database caused.
 */
public final class Studio {

    /** The header every write must carry: a cross-site page cannot set it without a CORS preflight we never allow. */
    public static final String WRITE_HEADER = "X-Zanith-Studio";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");
    private static final String ASSETS = "/dev/zanith/studio/assets/";

    private final Zanith zanith;
    private final StudioActions actions;
    private final WriteAccess access;
    private final String host;
    private final Function<String, String> messages;

    /**
     * @param host     what serves it, shown on the page ({@code zanith studio}, {@code application})
     * @param messages rewrites messages for the host (the starter names properties where the CLI names flags)
     */
    public Studio(Zanith zanith, StudioActions actions, WriteAccess access, String host,
                  Function<String, String> messages) {
        this.zanith = zanith;
        this.actions = actions;
        this.access = access;
        this.host = host;
        this.messages = messages;
    }

    public WriteAccess access() {
        return access;
    }

    /** Answers one request; never throws for anything a request or the database can cause. */
    public StudioResponse handle(StudioRequest request) {
        List<String> path;
        try {
            path = segments(request.path());
        } catch (IllegalArgumentException e) {
            return error(400, "bad_request", "The path " + request.path() + " is not valid percent-encoding.");
        }
        try {
            if (path.isEmpty() || path.equals(List.of("index.html"))) {
                return method(request, "GET") ? asset("index.html", "text/html; charset=utf-8") : notAllowed(request);
            }
            if (path.get(0).equals("assets") && path.size() == 2) {
                return method(request, "GET") ? assetByName(path.get(1)) : notAllowed(request);
            }
            if (!path.get(0).equals("api") || path.size() < 2) {
                return notFound("The Studio has no page " + request.path() + "; open its start page instead.");
            }
            List<String> api = path.subList(1, path.size());
            return switch (request.method()) {
                case "GET", "HEAD" -> read(request, api);
                case "POST", "DELETE" -> write(request, api);
                default -> notAllowed(request);
            };
        } catch (ZanithConfigException e) {
            return error(400, "bad_request", messages.apply(e.getMessage()));
        } catch (ZanithException e) {
            return failure(e);
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    private StudioResponse read(StudioRequest request, List<String> api) {
        String section = api.get(0);
        return switch (section + "/" + api.size()) {
            case "overview/1" -> json(200, overview());
            case "audit/1" -> json(200, AuditAnswers.of(zanith.history(), zanith.artifacts(), Instant.now()));
            case "plan/1" -> plan(request);
            case "history/1" -> history(request);
            case "history/2" -> historyEntry(api.get(1));
            case "snapshots/1" -> json(200, zanith.snapshots());
            case "snapshots/3" -> api.get(2).equals("models") ? models(api.get(1)) : unknownRoute(request);
            case "snapshots/4" -> api.get(2).equals("diff") ? snapshotDiff(api.get(1), api.get(3)) : unknownRoute(request);
            case "artifacts/1" -> json(200, zanith.artifacts().stream().map(RecoverJson::artifact).toList());
            case "artifacts/2" -> onArtifact(api.get(1), () -> json(200, inspection(api.get(1))));
            case "artifacts/3" -> api.get(2).equals("export") ? export(request, api.get(1)) : unknownRoute(request);
            default -> unknownRoute(request);
        };
    }

    private Map<String, Object> overview() {
        StatusSummary status = zanith.statusSummary();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", status.target());
        o.put("host", host);
        o.put("writes", Map.of("allowed", access.allowed(), "reason", access.reason()));
        o.put("initialized", status.initialized());
        o.put("applied", status.applied());
        o.put("restores", status.restores());
        o.put("pending", status.pending());
        o.put("failed", status.failedSteps().stream().map(s -> s.migrationId()).distinct().toList());
        o.put("failedSteps", status.failedSteps().stream().map(AuditJson::step).toList());
        AppliedMigration last = status.lastApplied();
        o.put("lastApplied", last == null ? null : object("id", last.id(), "appliedAt", last.appliedAt().toString(),
                "durationMs", last.durationMs()));
        o.put("lockHolder", status.lockHolder().map(h -> object("pid", h.pid(), "applicationName", h.applicationName(),
                "user", h.user(), "since", h.since() == null ? null : h.since().toString(),
                "text", h.toString())).orElse(null));
        o.put("liveArtifacts", zanith.liveArtifacts());
        o.put("nextArtifactExpiry", zanith.nextArtifactExpiry().map(Instant::toString).orElse(null));
        if (zanith.config().migrations() == null) {
            o.put("plan", null);
            o.put("planError", "No migrations configured, so nothing to plan.");
        } else {
            try {
                Plan plan = zanith.plan();
                o.put("plan", object("verdict", plan.verdict().name(), "steps", plan.toRun().size(),
                        "worstLevel", plan.isEmpty() ? null : plan.worstLevel().name(),
                        "worstScore", plan.isEmpty() ? null : plan.worstScore(),
                        "refusal", plan.refusal() == null ? null : object("gate", plan.refusal().gate(),
                                "message", messages.apply(plan.refusal().message()),
                                "fix", messages.apply(plan.refusal().fix()))));
                o.put("planError", null);
            } catch (ZanithException e) {
                o.put("plan", null);
                o.put("planError", messages.apply(e.getMessage()));
            }
        }
        return o;
    }

    private StudioResponse plan(StudioRequest request) {
        Plan plan = zanith.plan();
        boolean whatIf = request.param("maxRisk").isPresent() || request.param("allowDestructive").isPresent()
                || request.param("denyReasons").isPresent();
        Gates configured = plan.gates();
        if (whatIf) {
            Integer maxRisk = configured.maxRisk();
            Optional<String> risk = request.param("maxRisk");
            if (risk.isPresent()) {
                try {
                    maxRisk = risk.get().equals("off") ? null : Integer.valueOf(risk.get());
                } catch (NumberFormatException e) {
                    return error(400, "bad_request", "maxRisk must be a whole number from 0 to 100 or 'off', not '"
                            + risk.get() + "'.");
                }
            }
            boolean destructive = request.param("allowDestructive").map(Boolean::parseBoolean)
                    .orElse(configured.allowDestructive());
            List<String> deny = request.param("denyReasons").map(v -> Arrays.stream(v.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.copyOf(configured.denyReasons()));
            plan = Zanith.whatIf(plan, maxRisk, destructive, deny);
        }
        ObjectNode tree = PlanJson.tree(plan);
        tree.put("whatIf", whatIf);
        ObjectNode gates = tree.putObject("configuredGates");
        if (configured.maxRisk() == null) {
            gates.putNull("maxRisk");
        } else {
            gates.put("maxRisk", configured.maxRisk());
        }
        gates.put("allowDestructive", configured.allowDestructive());
        configured.denyReasons().forEach(gates.putArray("denyReasons")::add);
        tree.withArray("gateResults").forEach(g -> {
            if (g instanceof ObjectNode node) {
                for (String field : List.of("message", "fix")) {
                    if (node.hasNonNull(field)) {
                        node.put(field, messages.apply(node.get(field).asString()));
                    }
                }
            }
        });
        return json(200, tree);
    }

    private StudioResponse history(StudioRequest request) {
        Optional<String> status = request.param("status");
        Optional<String> kind = request.param("kind");
        Optional<String> text = request.param("q").map(q -> q.toLowerCase(Locale.ROOT));
        Instant from;
        Instant to;
        try {
            from = request.param("from").map(d -> LocalDate.parse(d).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .orElse(null);
            to = request.param("to").map(d -> LocalDate.parse(d).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .orElse(null);
        } catch (DateTimeParseException e) {
            return error(400, "bad_request", "from and to are dates like 2026-01-31 (UTC): " + e.getParsedString()
                    + " is not one.");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (HistoryEntry entry : zanith.history()) {
            if (status.isPresent() && !status.get().equals(entry.status())
                    && !(status.get().equals("restore") && entry.restore())) {
                continue;
            }
            if (kind.isPresent() && entry.steps().stream().noneMatch(s -> kind.get().equals(s.operationKind()))) {
                continue;
            }
            if (text.isPresent() && !entry.id().toLowerCase(Locale.ROOT).contains(text.get())) {
                continue;
            }
            Instant at = entry.applied() != null ? entry.applied().appliedAt()
                    : entry.steps().stream().map(s -> s.startedAt()).filter(i -> i != null).findFirst().orElse(null);
            if ((from != null || to != null) && (at == null || (from != null && at.isBefore(from))
                    || (to != null && !at.isBefore(to)))) {
                continue;
            }
            Map<String, Object> m = AuditJson.migration(entry);
            m.put("kinds", entry.steps().stream().map(s -> s.operationKind()).distinct().toList());
            m.put("totalRisk", entry.totalRisk());
            entries.add(m);
        }
        return json(200, entries);
    }

    private StudioResponse historyEntry(String id) {
        return zanith.history().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(e -> json(200, AuditJson.migrationWithSteps(e)))
                .orElseGet(() -> notFound("No migration or restore '" + id + "' in the history of " + target() + "."));
    }

    private StudioResponse models(String reference) {
        Optional<Snapshot> snapshot = zanith.snapshot(reference);
        if (snapshot.isEmpty()) {
            return unknownSnapshot(reference);
        }
        List<Map<String, Object>> models = new ArrayList<>();
        for (Table table : snapshot.get().graph().tables()) {
            models.add(object("name", table.schema() + "." + table.name(),
                    "columns", table.columns().stream().map(Studio::column).toList(),
                    "references", table.foreignKeys().stream().map(Studio::reference).toList(),
                    "indexes", table.indexes().size(), "comment", table.comment()));
        }
        return json(200, object("snapshot", snapshot.get().info(), "models", models));
    }

    private static Map<String, Object> column(Column c) {
        return object("name", c.name(), "type", c.type(), "notNull", c.notNull());
    }

    private static Map<String, Object> reference(ForeignKey fk) {
        return object("name", fk.name(), "columns", fk.columns(), "table", fk.referencedSchema() + "."
                + fk.referencedTable(), "referencedColumns", fk.referencedColumns());
    }

    private StudioResponse snapshotDiff(String from, String to) {
        for (String reference : List.of(from, to)) {
            if (zanith.snapshot(reference).isEmpty()) {
                return unknownSnapshot(reference);
            }
        }
        SnapshotComparison comparison = zanith.compareSnapshots(from, to);
        return json(200, object("from", comparison.from().info(), "to", comparison.to().info(),
                "changes", comparison.diff()));
    }

    private Map<String, Object> inspection(String id) {
        Map<String, Object> inspection = new LinkedHashMap<>(RecoverJson.inspection(zanith.inspectArtifact(id, false)));
        inspection.computeIfPresent("restore", (key, value) -> messages.apply(value.toString()));
        return inspection;
    }

    private StudioResponse export(StudioRequest request, String id) {
        String name = request.param("format").orElse("csv").toLowerCase(Locale.ROOT);
        Optional<ExportFormat> format = Arrays.stream(ExportFormat.values()).filter(f -> f.id().equals(name)).findFirst();
        if (format.isEmpty()) {
            return error(400, "bad_request", "format must be csv, jsonl or json, not '" + name + "'.");
        }
        return onArtifact(id, () -> {
            String extension = format.get().id();
            String file = id.replaceAll("[^A-Za-z0-9_.-]+", "_") + "." + extension;
            String type = switch (format.get()) {
                case CSV -> "text/csv; charset=utf-8";
                case JSONL -> "application/x-ndjson; charset=utf-8";
                case JSON -> JSON_TYPE;
            };
            return new StudioResponse(200, type, Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""),
                    true, out -> zanith.export(id, format.get(), out, false));
        });
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    private StudioResponse write(StudioRequest request, List<String> api) {
        Optional<String> crossSite = crossSite(request);
        if (crossSite.isPresent()) {
            return error(403, "forbidden", crossSite.get());
        }
        String route = request.method() + " " + api.get(0) + "/" + api.size();
        boolean known = switch (route) {
            case "POST apply/1", "DELETE artifacts/2" -> true;
            case "POST artifacts/3" -> api.get(2).equals("restore");
            default -> false;
        };
        if (!known) {
            return unknownRoute(request);
        }
        if (!access.allowed()) {
            return error(403, "writes_disabled", access.reason());
        }
        return switch (route) {
            case "POST apply/1" -> apply(request);
            case "DELETE artifacts/2" -> purge(request, api.get(1));
            default -> onArtifact(api.get(1), () -> json(200, RecoverJson.restore(actions.restore(api.get(1),
                    request.param("acceptChangedData").map(Boolean::parseBoolean).orElse(false)))));
        };
    }

    /** Why a write is not same-origin, if it is not: the custom header, then Origin against Host. */
    private static Optional<String> crossSite(StudioRequest request) {
        if (request.header(WRITE_HEADER).isEmpty()) {
            return Optional.of("Writes need the " + WRITE_HEADER + " header (the Studio page sends it); cross-site "
                    + "requests cannot set it.");
        }
        Optional<String> origin = request.header("Origin");
        Optional<String> hostHeader = request.header("Host");
        if (origin.isPresent() && hostHeader.isPresent()) {
            String originHost = origin.get().replaceFirst("^[a-z]+://", "");
            if (!originHost.equalsIgnoreCase(hostHeader.get())) {
                return Optional.of("Writes must come from the Studio's own origin, not " + origin.get() + ".");
            }
        }
        if (request.header("Sec-Fetch-Site").filter(s -> !s.equals("same-origin") && !s.equals("none")).isPresent()) {
            return Optional.of("Writes must come from the Studio's own origin (Sec-Fetch-Site: "
                    + request.header("Sec-Fetch-Site").get() + ").");
        }
        return Optional.empty();
    }

    private StudioResponse apply(StudioRequest request) {
        if (request.header("Accept").filter(a -> a.contains("text/event-stream")).isPresent()) {
            return new StudioResponse(200, "text/event-stream; charset=utf-8", Map.of("Cache-Control", "no-cache"),
                    true, out -> {
                ApplyEvents events = new ApplyEvents(out, messages);
                try {
                    events.result(actions.apply(events));
                } catch (ZanithException e) {
                    events.error(e);
                }
            });
        }
        ApplyResult result = actions.apply(new ApplyEvents(null, messages));
        Map<String, Object> outcome = ApplyEvents.outcome(result, messages);
        return json(result.refused() ? 409 : result.failedStep().isPresent() ? 500 : 200, outcome);
    }

    private StudioResponse purge(StudioRequest request, String id) {
        if (!request.param("confirm").map(id::equals).orElse(false)) {
            return error(400, "confirmation_needed", "Purging is permanent: repeat the artifact id as ?confirm=" + id
                    + " to purge it.");
        }
        return onArtifact(id, () -> json(200, RecoverJson.purge(actions.purge(id))));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private StudioResponse onArtifact(String id, Supplier<StudioResponse> action) {
        if (zanith.artifact(id).isEmpty()) {
            return notFound("No artifact '" + id + "' in " + target() + " (purged, or never recorded).");
        }
        return action.get();
    }

    private StudioResponse unknownSnapshot(String reference) {
        return notFound("No snapshot '" + reference + "' in " + target() + ". Name one by its number, "
                + "MIGRATION_ID:before|after, or a migration id (its after snapshot).");
    }

    private String target() {
        return zanith.config().target();
    }

    private static boolean method(StudioRequest request, String method) {
        return request.method().equals(method) || (method.equals("GET") && request.method().equals("HEAD"));
    }

    private StudioResponse assetByName(String name) {
        if (!ASSET.matcher(name).matches()) {
            return notFound("The Studio has no asset '" + name + "'.");
        }
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml";
        return asset(name, type);
    }

    private StudioResponse asset(String name, String type) {
        try (InputStream in = Studio.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                return notFound("The Studio has no asset '" + name + "'.");
            }
            return StudioResponse.bytes(200, type, in.readAllBytes()).withHeader("Cache-Control", "no-cache")
                    .withHeader("X-Content-Type-Options", "nosniff");
        } catch (IOException e) {
            return error(500, "failed", "Reading the Studio asset " + name + " failed: " + e.getMessage());
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    static StudioResponse json(int status, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return StudioResponse.bytes(status, JSON_TYPE, bytes).withHeader("Cache-Control", "no-store");
    }

    private static StudioResponse error(int status, String code, String message) {
        return json(status, object("error", code, "message", message));
    }

    private static StudioResponse notFound(String message) {
        return error(404, "not_found", message);
    }

    private static StudioResponse unknownRoute(StudioRequest request) {
        return notFound("The Studio API has no " + request.method() + " " + request.path()
                + "; see docs/STUDIO.md for its routes.");
    }

    private static StudioResponse notAllowed(StudioRequest request) {
        return error(405, "method_not_allowed", request.method() + " is not allowed on " + request.path() + ".");
    }

    /** A refusal Zanith decided on answers 409, one the database caused (lock timeout, connection) 500. */
    private StudioResponse failure(ZanithException e) {
        boolean decided = e.getCause() == null;
        return error(decided ? 409 : 500, decided ? "refused" : "failed", messages.apply(e.getMessage()));
    }

    /** A map that keeps its keys in the order given (values may be null). */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
