package dev.zanith.api.output;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.risk.ReasonCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The budget a plan is checked against, after preflight: a maximum score, consent to lose data, and reason
 * codes that are never allowed.
 *
 * @param maxRisk          refuse any step scoring above this (0–100); null means off
 * @param allowDestructive consent to steps that can lose data
 * @param denyReasons      reason codes that refuse a step outright
 */
public record Gates(@Nullable Integer maxRisk, boolean allowDestructive, Set<String> denyReasons) {

    public Gates {
        denyReasons = denyReasons == null ? Set.of() : Set.copyOf(new TreeSet<>(denyReasons));
    }

    /** No budget, no consent, nothing denied: only preflight and destructive steps can refuse. */
    public static Gates defaults() {
        return new Gates(null, false, Set.of());
    }

    /** Problems with these settings, for {@link dev.zanith.ZanithConfig}'s one-message validation. */
    public static List<String> problems(@Nullable Integer maxRisk, @Nullable Collection<String> denyReasons) {
        List<String> problems = new ArrayList<>();
        if (maxRisk != null && (maxRisk < 0 || maxRisk > 100)) {
            problems.add("max risk must be between 0 and 100, not " + maxRisk);
        }
        List<String> unknown = denyReasons == null ? List.of() : denyReasons.stream()
                .filter(r -> ReasonCode.byCode(r).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.add("unknown reason code" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown)
                    + "' in deny reasons (valid: " + ReasonCode.allCodes() + ")");
        }
        return problems;
    }

    /** Validated gates; a usage error lists every problem. */
    public static Gates of(@Nullable Integer maxRisk, boolean allowDestructive,
                           @Nullable Collection<String> denyReasons) {
        List<String> problems = problems(maxRisk, denyReasons);
        if (!problems.isEmpty()) {
            throw new ZanithConfigException("Invalid gates: " + String.join("; ", problems) + ".");
        }
        return new Gates(maxRisk, allowDestructive, denyReasons == null ? Set.of() : Set.copyOf(denyReasons));
    }
}
