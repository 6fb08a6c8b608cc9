package dev.zanith.internal.plan;

import dev.zanith.api.output.Gates;
import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.risk.ReasonCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gauntlet, in order: preflight → {@code --max-risk} → {@code --allow-destructive} → {@code --deny-reasons}.
 * Every gate is evaluated and reported; the verdict names the first one that refuses.
 */
final class GateKeeper {

    private GateKeeper() {
    }

    static List<GateResult> evaluate(List<PlannedStep> steps, Gates gates) {
        return List.of(preflight(steps), maxRisk(steps, gates.maxRisk()),
                destructive(steps, gates.allowDestructive()), denyReasons(steps, gates));
    }

    /** The first refusing gate's first offender, or null when every gate passed. */
    static Refusal refusal(List<GateResult> results) {
        for (GateResult result : results) {
            if (result.refused()) {
                PlannedStep step = result.offenders().get(0);
                return new Refusal(result.gate(), step, result.message(), result.fix());
            }
        }
        return null;
    }

    private static GateResult preflight(List<PlannedStep> steps) {
        List<PlannedStep> failed = steps.stream().filter(PlannedStep::preflightFailed).toList();
        List<PreflightResult> all = steps.stream().flatMap(s -> s.preflight().stream()).toList();
        if (!failed.isEmpty()) {
            PlannedStep first = failed.get(0);
            PreflightResult failure = first.preflight().stream().filter(PreflightResult::failed).findFirst().orElseThrow();
            return new GateResult(GateResult.PREFLIGHT, GateResult.Status.REFUSED, "step " + first.label() + " ("
                    + first.operation().kind().id() + "): " + failure.message()
                    + (failed.size() > 1 ? "; " + (failed.size() - 1) + " more step(s) fail preflight" : ""),
                    failed, failure.check().fix());
        }
        long passed = count(all, PreflightResult.Status.PASSED);
        long skipped = count(all, PreflightResult.Status.SKIPPED);
        long inconclusive = count(all, PreflightResult.Status.INCONCLUSIVE);
        List<String> parts = new ArrayList<>();
        if (passed > 0) {
            parts.add(plural(passed, "check") + " clean");
        }
        if (skipped > 0) {
            parts.add(plural(skipped, "check") + " not needed");
        }
        if (inconclusive > 0) {
            parts.add(inconclusive + " inconclusive (see warnings)");
        }
        String message = parts.isEmpty() ? "no step needs a data check" : String.join(", ", parts);
        return new GateResult(GateResult.PREFLIGHT, GateResult.Status.PASSED, message, List.of(), null);
    }

    private static GateResult maxRisk(List<PlannedStep> steps, Integer maxRisk) {
        if (maxRisk == null) {
            return new GateResult(GateResult.MAX_RISK, GateResult.Status.OFF, "off (no max-risk set)", List.of(), null);
        }
        List<PlannedStep> over = steps.stream().filter(s -> s.assessment().score() > maxRisk).toList();
        int worst = steps.stream().mapToInt(s -> s.assessment().score()).max().orElse(0);
        if (over.isEmpty()) {
            return new GateResult(GateResult.MAX_RISK, GateResult.Status.PASSED, "worst score " + worst + " ≤ " + maxRisk,
                    List.of(), null);
        }
        PlannedStep first = over.get(0);
        String hint = first.assessment().hint();
        return new GateResult(GateResult.MAX_RISK, GateResult.Status.REFUSED, "step " + first.label() + " ("
                + first.operation().kind().id() + ") scores " + first.assessment().score() + " ("
                + first.assessment().level().id() + "), above max-risk " + maxRisk
                + (over.size() > 1 ? "; " + (over.size() - 1) + " more step(s) over budget" : ""), over,
                (hint != null ? hint + "; or " : "") + "raise max-risk to " + worst + " for this change");
    }

    private static GateResult destructive(List<PlannedStep> steps, boolean allowed) {
        List<PlannedStep> losing = steps.stream().filter(s -> s.assessment().facts().canLoseData()).toList();
        if (losing.isEmpty()) {
            return new GateResult(GateResult.ALLOW_DESTRUCTIVE, GateResult.Status.PASSED, "no step can lose data",
                    List.of(), null);
        }
        if (allowed) {
            return new GateResult(GateResult.ALLOW_DESTRUCTIVE, GateResult.Status.PASSED, "destructive steps allowed: "
                    + plural(losing.size(), "step") + " can lose data", List.of(), null);
        }
        PlannedStep first = losing.get(0);
        String hint = first.assessment().hint();
        return new GateResult(GateResult.ALLOW_DESTRUCTIVE, GateResult.Status.REFUSED, "step " + first.label() + " ("
                + first.operation().summary() + ") can lose data [" + String.join(", ", first.assessment().reasonCodes())
                + "] and destructive steps are not allowed"
                + (losing.size() > 1 ? "; " + (losing.size() - 1) + " more step(s) can lose data" : ""), losing,
                "consent with --allow-destructive (zanith.allow-destructive=true)" + (hint != null ? ", or " + hint : ""));
    }

    private static GateResult denyReasons(List<PlannedStep> steps, Gates gates) {
        if (gates.denyReasons().isEmpty()) {
            return new GateResult(GateResult.DENY_REASONS, GateResult.Status.OFF, "off (no deny-reasons set)", List.of(),
                    null);
        }
        List<PlannedStep> denied = new ArrayList<>();
        String firstReason = null;
        for (PlannedStep step : steps) {
            Optional<String> hit = step.assessment().reasonCodes().stream().filter(gates.denyReasons()::contains)
                    .findFirst();
            if (hit.isPresent()) {
                denied.add(step);
                if (firstReason == null) {
                    firstReason = hit.get();
                }
            }
        }
        if (denied.isEmpty()) {
            return new GateResult(GateResult.DENY_REASONS, GateResult.Status.PASSED, "no step carries "
                    + String.join(", ", gates.denyReasons()), List.of(), null);
        }
        PlannedStep first = denied.get(0);
        String tag = ReasonCode.byCode(firstReason).map(r -> " (" + r.tag() + ")").orElse("");
        String hint = first.assessment().hint();
        return new GateResult(GateResult.DENY_REASONS, GateResult.Status.REFUSED, "step " + first.label() + " ("
                + first.operation().kind().id() + ") carries denied reason " + firstReason + tag
                + (denied.size() > 1 ? "; " + (denied.size() - 1) + " more step(s) denied" : ""), denied,
                (hint != null ? hint + "; or " : "") + "change the step so it no longer carries " + firstReason
                        + ", or drop it from deny-reasons");
    }

    private static long count(List<PreflightResult> results, PreflightResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
