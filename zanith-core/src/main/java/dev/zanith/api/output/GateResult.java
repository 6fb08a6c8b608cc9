package dev.zanith.api.output;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One gate's outcome.
 *
 * @param gate      {@code preflight}, {@code max-risk}, {@code allow-destructive} or {@code deny-reasons}
 * @param message   one line: what was checked and what it found
 * @param offenders the steps that made it refuse (empty unless refused)
 * @param fix       how to get past it (null unless refused)
 */
public record GateResult(String gate, Status status, String message, List<PlannedStep> offenders,
                         @Nullable String fix) {

    /** How a gate came out. */
    public enum Status {
        PASSED, REFUSED, OFF;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final String PREFLIGHT = "preflight";
    public static final String MAX_RISK = "max-risk";
    public static final String ALLOW_DESTRUCTIVE = "allow-destructive";
    public static final String DENY_REASONS = "deny-reasons";

    public GateResult {
        offenders = List.copyOf(offenders);
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }
}
