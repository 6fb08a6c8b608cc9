package dev.zanith.api.output.text;

import dev.zanith.api.output.Difference;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.VerifyResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The machine-readable forms of a verify, as {@code zanith verify --format} and {@code zanith:verify} write them:
 * JSON (stable, for CI), Markdown (a pull-request comment) and JUnit XML (for a CI's test report). The text form is
 * {@link VerifyText}.
 */
public final class VerifyReport {

    /** Version of the JSON shape; bump on incompatible changes. */
    public static final int JSON_FORMAT_VERSION = 1;

    private VerifyReport() {
    }

    /** Pretty-printed JSON with a trailing newline; every key always present. */
    public static String json(VerifyResult r) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", JSON_FORMAT_VERSION);
        root.put("verdict", r.verdict().name());
        root.put("exitCode", r.verdict().exitCode());
        root.put("shadow", r.shadow());
        root.put("comparedWith", r.comparedWith());
        root.put("durationMs", r.durationMs());
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        ArrayNode steps = root.putArray("steps");
        for (ObservedStep s : r.steps()) {
            ObjectNode step = steps.addObject();
            step.put("migrationId", s.migrationId());
            step.put("stepIndex", s.stepIndex());
            step.put("operationKind", s.operationKind());
            step.put("summary", s.summary());
            ObjectNode locks = step.putObject("observedLocks");
            new TreeMap<>(s.tableLocks()).forEach((table, mode) -> locks.put(table, mode.sql()));
            step.put("locksObserved", s.lockObserved());
            ArrayNode rewritten = step.putArray("rewrittenTables");
            s.rewrittenTables().stream().sorted().forEach(rewritten::add);
            ArrayNode rebuilt = step.putArray("rebuiltIndexes");
            s.rebuiltIndexes().stream().sorted().forEach(rebuilt::add);
            if (s.scannedTables() == null) {
                step.putNull("scannedTables");
            } else {
                ArrayNode scanned = step.putArray("scannedTables");
                s.scannedTables().stream().sorted().forEach(scanned::add);
            }
            ArrayNode inferred = step.putArray("inferredKinds");
            s.inferredKinds().forEach(inferred::add);
            step.put("derivedLevel", s.derivedLevel());
            if (s.predicted() != null) {
                ObjectNode predicted = step.putObject("predicted");
                ObjectNode predictedLocks = predicted.putObject("locks");
                new TreeMap<>(s.predicted().locks()).forEach((table, mode) -> predictedLocks.put(table, mode.sql()));
                predicted.put("rewrite", s.predicted().rewrite());
                predicted.put("scan", s.predicted().scan());
                predicted.put("level", s.predicted().level());
            } else {
                step.putNull("predicted");
            }
            ArrayNode mismatches = step.putArray("mismatches");
            s.mismatches().forEach(mismatches::add);
            step.put("durationMs", s.durationMs());
            if (s.failed()) {
                step.put("error", s.error());
                step.put("sqlState", s.sqlState());
            }
        }
        ArrayNode differences = root.putArray("differences");
        for (Difference d : r.differences()) {
            ObjectNode diff = differences.addObject();
            diff.put("model", d.model());
            diff.put("field", d.field());
            diff.put("aspect", d.aspect());
            diff.put("expected", d.expected());
            diff.put("actual", d.actual());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** A Markdown comment: verdict, one table row per step, the failure and the drift. */
    public static String markdown(VerifyResult r) {
        StringBuilder out = new StringBuilder();
        String icon = switch (r.verdict()) {
            case VERIFIED -> "✅";
            case DRIFT -> "⚠️";
            case FAILED -> "❌";
            case NOTHING_PENDING -> "➖";
        };
        out.append("### ").append(icon).append(" zanith verify: **").append(r.verdict()).append("**\n\n");
        out.append("Rehearsed on ").append(r.shadow()).append(", compared with ").append(r.comparedWith()).append(".\n\n");
        for (String warning : r.warnings()) {
            out.append("> ⚠️ ").append(warning).append("\n\n");
        }
        if (!r.steps().isEmpty()) {
            out.append("| migration | step | operation | predicted lock / rewrite | observed lock / rewrite | duration |\n");
            out.append("|---|---:|---|---|---|---:|\n");
            for (ObservedStep s : r.steps()) {
                out.append("| `").append(s.migrationId()).append("` | ").append(s.stepIndex()).append(" | ")
                        .append(s.failed() ? "❌ " : "").append(escape(s.summary()))
                        .append(s.inferredKinds().isEmpty() ? "" : " (amounts to " + String.join(", ", s.inferredKinds()) + ")")
                        .append(" | ").append(s.predicted() == null ? (s.derivedLevel() != null ? "raw SQL → " + escape(s.derivedLevel()) : "–")
                                : escape(VerifyText.locks(s.predicted().locks())) + " / " + (Boolean.TRUE.equals(s.predicted().rewrite()) ? "yes" : "no"))
                        .append(" | ").append(s.mismatches().isEmpty() ? "" : "⚠️ ").append(escape(VerifyText.observedLocks(s))).append(" / ")
                        .append(s.rewrote() ? "yes" : "no").append(" | ").append(s.durationMs()).append(" ms |\n");
            }
            out.append('\n');
        }
        if (r.failedStep() != null) {
            out.append("**Failed:** step ").append(r.failedStep().stepIndex()).append(" of `").append(r.failedStep().migrationId())
                    .append("`: ").append(escape(r.failedStep().error())).append("\n\n");
        }
        if (!r.differences().isEmpty()) {
            out.append("**Drift** (").append(r.differences().size()).append("):\n\n");
            r.differences().forEach(d -> out.append("- ").append(escape(d.describe())).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** A JUnit XML test suite: one test case per step, one for the comparison. */
    public static String junit(VerifyResult r) {
        int failures = r.verdict() == dev.zanith.api.output.VerifyOutcome.DRIFT ? 1 : 0;
        int errors = r.failedStep() != null ? 1 : 0;
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"zanith verify\" tests=\"").append(r.steps().size() + 1).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors).append("\" time=\"")
                .append(r.durationMs() / 1000.0).append("\">\n");
        for (ObservedStep s : r.steps()) {
            out.append("  <testcase classname=\"").append(xml(s.migrationId())).append("\" name=\"step ")
                    .append(s.stepIndex()).append(": ").append(xml(s.summary())).append("\" time=\"")
                    .append(s.durationMs() / 1000.0).append("\">");
            if (s.failed()) {
                out.append("\n    <error message=\"").append(xml(s.error())).append("\" type=\"")
                        .append(xml(String.valueOf(s.sqlState()))).append("\"/>\n  ");
            }
            out.append("</testcase>\n");
        }
        out.append("  <testcase classname=\"zanith\" name=\"result matches ").append(xml(r.comparedWith())).append("\">");
        if (failures > 0) {
            out.append("\n    <failure message=\"").append(r.differences().size()).append(" difference(s)\">");
            r.differences().forEach(d -> out.append(xml(d.describe())).append('\n'));
            out.append("</failure>\n  ");
        }
        out.append("</testcase>\n</testsuite>\n");
        return out.toString();
    }

    private static String escape(@Nullable String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String xml(@Nullable String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
