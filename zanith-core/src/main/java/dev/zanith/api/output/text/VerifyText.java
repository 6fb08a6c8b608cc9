package dev.zanith.api.output.text;

import dev.zanith.api.output.Difference;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.risk.LockMode;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A verify as text (what {@code zanith verify} and {@code mvn zanith:verify} print): each rehearsed step with its
 * predicted and observed locks and rewrites, the drift, and the verdict line.
 */
public final class VerifyText {

    private VerifyText() {
    }

    /** The whole report, lines separated by {@code \n}, ending with the verdict line. */
    public static String text(VerifyResult r, Styler styler) {
        StringBuilder out = new StringBuilder();
        out.append("Verify on ").append(r.shadow()).append(", compared with ").append(r.comparedWith()).append('\n');
        for (String warning : r.warnings()) {
            out.append(styler.style("warning: " + warning, TextStyle.YELLOW)).append('\n');
        }
        for (ObservedStep s : r.steps()) {
            String sigil = s.failed() ? styler.style(Sigils.FAILED, TextStyle.RED) : styler.style(Sigils.DONE, TextStyle.GREEN);
            out.append(String.format(Locale.ROOT, "  %s %s #%02d %-20s %s%n", sigil, s.migrationId(), s.stepIndex(),
                    s.operationKind(), s.summary()));
            if (s.predicted() != null) {
                out.append("       predicted: ").append(locks(s.predicted().locks())).append(" · ")
                        .append(Boolean.TRUE.equals(s.predicted().rewrite()) ? "rewrite" : "no rewrite").append(" · ")
                        .append(s.predicted().level()).append('\n');
            }
            out.append("       observed:  ").append(observedLocks(s)).append(" · ")
                    .append(s.rewrote() ? "rewrites " + String.join(", ", new TreeSet<>(s.rewrittenTables())) : "no rewrite")
                    .append(" · ").append(Formats.millis(s.durationMs()));
            if (!s.inferredKinds().isEmpty()) {
                out.append(" · amounts to ").append(String.join(", ", s.inferredKinds()));
            }
            if (s.derivedLevel() != null) {
                out.append(" · derived level ").append(s.derivedLevel());
            }
            out.append('\n');
            for (String mismatch : s.mismatches()) {
                out.append("       ").append(styler.style("⚠ prediction differs: " + mismatch, TextStyle.YELLOW_BOLD)).append('\n');
            }
            if (s.failed()) {
                out.append("       error: ").append(s.error()).append(s.sqlState() != null ? " [" + s.sqlState() + "]" : "").append('\n');
            }
        }
        for (Difference d : r.differences()) {
            out.append("  drift: ").append(d.describe()).append('\n');
        }
        out.append(verdictLine(r, styler)).append('\n');
        return out.toString();
    }

    /** {@code VERIFIED · 3 steps rehearsed, result matches · 1.2 s} and its DRIFT, FAILED, NOTHING_PENDING forms. */
    public static String verdictLine(VerifyResult r, Styler styler) {
        String verdict = switch (r.verdict()) {
            case VERIFIED -> styler.style("VERIFIED", TextStyle.BLACK_ON_GREEN);
            case DRIFT -> styler.style("DRIFT", TextStyle.BLACK_ON_YELLOW);
            case FAILED -> styler.style("FAILED", TextStyle.WHITE_ON_RED);
            case NOTHING_PENDING -> styler.style("NOTHING_PENDING", TextStyle.WHITE_ON_GRAY);
        };
        String detail = switch (r.verdict()) {
            case VERIFIED -> Formats.plural(r.steps().size(), "step") + " rehearsed, result matches";
            case DRIFT -> Formats.plural(r.differences().size(), "difference") + " from " + r.comparedWith();
            case FAILED -> r.failedStep() == null ? "a step fails on the shadow" : "step " + r.failedStep().stepIndex()
                    + " of " + r.failedStep().migrationId() + " fails on the shadow";
            case NOTHING_PENDING -> "no pending migrations";
        };
        return verdict + " · " + detail + " · " + Formats.millis(r.durationMs());
    }

    /** The table locks a step was seen taking, or that none were observed. */
    public static String observedLocks(ObservedStep s) {
        if (s.tableLocks().isEmpty() && !s.lockObserved()) {
            return "locks not observed (finished without waiting)";
        }
        return locks(s.tableLocks());
    }

    /** {@code ACCESS EXCLUSIVE on public.t, …} by table name, or {@code no table locks}. */
    public static String locks(Map<String, LockMode> locks) {
        if (locks.isEmpty()) {
            return "no table locks";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, LockMode> lock : new TreeMap<>(locks).entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(lock.getValue().sql()).append(" on ").append(lock.getKey());
        }
        return out.toString();
    }
}
