package dev.zanith.api.output;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.Facts;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.exception.ZanithConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stable JSON form of a {@link Plan}, for CI (documented in docs/PLAN-JSON.md). Every key is always
 * present (null when there is no value), in a fixed order; {@code formatVersion} changes only when a key is
 * removed or changes meaning.
 */
public final class PlanJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PlanJson() {
    }

    /**
     * The {@code fingerprint} of a plan saved in this form ({@code zanith plan --format json}), for an apply that
     * must refuse if the live schema changed since the plan was reviewed.
     *
     * @param option how the user named the file ({@code --plan}, {@code <plan>}), for the messages
     * @throws ZanithConfigException when the file cannot be read, is not JSON, or has no fingerprint
     */
    public static String fingerprint(Path planFile, String option) {
        try {
            JsonNode saved = JSON.readTree(Files.readString(planFile));
            JsonNode fingerprint = saved.get("fingerprint");
            if (fingerprint == null || !fingerprint.isString()) {
                throw new ZanithConfigException(planFile + " has no \"fingerprint\": save a plan with zanith plan --format json.");
            }
            return fingerprint.asString();
        } catch (IOException e) {
            throw new ZanithConfigException("Cannot read " + option + " " + planFile + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new ZanithConfigException(option + " " + planFile + " is not a plan JSON: " + e.getOriginalMessage());
        }
    }

    /** Pretty-printed, with a trailing newline. */
    public static String toJson(Plan plan) {
        return toJson(plan, List.of());
    }

    /** Pretty-printed, with what rehearsing its raw SQL steps showed ({@code plan --observe}). */
    public static String toJson(Plan plan, List<RawSqlObservation> observed) {
        ObjectNode root = tree(plan);
        ArrayNode array = root.putArray("observedRawSql");
        for (RawSqlObservation o : observed) {
            ObjectNode item = array.addObject();
            item.put("migrationId", o.migrationId());
            item.put("stepIndex", o.stepIndex());
            strings(item.putArray("inferredKinds"), o.inferredKinds());
            ArrayNode locks = item.putArray("locks");
            new java.util.TreeMap<>(o.locks()).forEach((table, mode) -> locks.addObject().put("table", table).put("mode", mode));
            item.put("rewrites", o.rewrites());
            item.put("derivedLevel", o.derivedLevel());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    public static ObjectNode tree(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", Plan.FORMAT_VERSION);
        root.put("verdict", plan.verdict().name());
        Refusal refusal = plan.refusal();
        if (refusal == null) {
            root.putNull("refusal");
        } else {
            ObjectNode r = root.putObject("refusal");
            r.put("gate", refusal.gate());
            r.put("migrationId", refusal.step().migrationId());
            r.put("stepIndex", refusal.step().stepIndex());
            r.put("operationKind", refusal.step().operation().kind().id());
            r.put("message", refusal.message());
            r.put("fix", refusal.fix());
        }
        root.put("database", plan.database());
        ObjectNode server = root.putObject("server");
        server.put("version", plan.server().toString());
        server.put("versionNum", plan.server().number());
        root.put("fingerprint", plan.fingerprint());
        root.put("readOnly", plan.readOnly());
        root.put("plannedAt", plan.plannedAt().toString());
        ObjectNode gates = root.putObject("gates");
        if (plan.gates().maxRisk() == null) {
            gates.putNull("maxRisk");
        } else {
            gates.put("maxRisk", plan.gates().maxRisk());
        }
        gates.put("allowDestructive", plan.gates().allowDestructive());
        strings(gates.putArray("denyReasons"), List.copyOf(plan.gates().denyReasons()));
        ObjectNode summary = root.putObject("summary");
        summary.put("migrations", plan.migrations().size());
        summary.put("steps", plan.toRun().size());
        summary.put("worstScore", plan.worstScore());
        summary.put("worstLevel", plan.worstLevel().id());
        summary.put("totalScore", plan.totalScore());
        ArrayNode results = root.putArray("gateResults");
        for (GateResult gate : plan.gateResults()) {
            ObjectNode g = results.addObject();
            g.put("gate", gate.gate());
            g.put("status", gate.status().id());
            g.put("message", gate.message());
            g.put("fix", gate.fix());
            ArrayNode offenders = g.putArray("offenders");
            for (PlannedStep step : gate.offenders()) {
                ObjectNode o = offenders.addObject();
                o.put("migrationId", step.migrationId());
                o.put("stepIndex", step.stepIndex());
            }
        }
        strings(root.putArray("warnings"), plan.warnings());
        ArrayNode migrations = root.putArray("migrations");
        for (MigrationPlan migration : plan.migrations()) {
            ObjectNode m = migrations.addObject();
            m.put("id", migration.id());
            m.put("description", migration.description());
            m.put("location", migration.location());
            m.put("worstScore", migration.worstScore());
            m.put("worstLevel", migration.worstLevel().id());
            m.put("totalScore", migration.totalScore());
            ArrayNode steps = m.putArray("steps");
            migration.steps().forEach(step -> step(steps.addObject(), step));
        }
        return root;
    }

    private static void step(ObjectNode s, PlannedStep step) {
        Assessment a = step.assessment();
        s.put("migrationId", step.migrationId());
        s.put("stepIndex", step.stepIndex());
        s.put("operationKind", step.operation().kind().id());
        s.put("family", step.operation().kind().family().name().toLowerCase(java.util.Locale.ROOT));
        s.put("summary", step.operation().summary());
        s.put("done", step.done());
        s.put("level", a.level().id());
        s.put("score", a.score());
        strings(s.putArray("reasons"), a.reasonCodes());
        Facts f = a.facts();
        ObjectNode facts = s.putObject("facts");
        ArrayNode locks = facts.putArray("locks");
        for (TableLock lock : f.locks()) {
            ObjectNode l = locks.addObject();
            l.put("table", lock.table().toString());
            l.put("mode", lock.mode().sql());
            l.put("held", lock.held());
            l.put("blocksReads", lock.mode().blocksReads());
            l.put("blocksWrites", lock.mode().blocksWrites());
        }
        tri(facts, "rewrite", f.rewrite());
        tri(facts, "scan", f.scan());
        facts.put("transactional", f.transactional());
        tri(facts, "breaksClients", f.breaksClients());
        tri(facts, "dataLoss", f.dataLoss());
        strings(s.putArray("notes"), a.notes());
        s.put("hint", a.hint());
        strings(s.putArray("statements"), step.statements());
        ArrayNode preflight = s.putArray("preflight");
        for (PreflightResult r : step.preflight()) {
            ObjectNode p = preflight.addObject();
            p.put("check", r.check().id());
            p.put("status", r.status().id());
            p.put("description", r.description());
            p.put("count", r.count());
            p.put("countCapped", r.countCapped());
            strings(p.putArray("keyColumns"), r.keyColumns());
            strings(p.putArray("samples"), r.samples());
            p.put("message", r.message());
        }
    }

    private static void tri(ObjectNode node, String key, @Nullable Boolean value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
