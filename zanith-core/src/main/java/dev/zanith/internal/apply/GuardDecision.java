package dev.zanith.internal.apply;

import dev.zanith.api.output.StepRisk;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pre-apply check decided: go (with the risk of each step, for the audit rows) or refuse (with the
 * reason, and nothing is applied).
 */
public final class GuardDecision {

    /** Identifies a step: its migration and 1-based position. */
    public record StepKey(String migrationId, int stepIndex) {
        public StepKey {
            Objects.requireNonNull(migrationId, "migrationId");
        }
    }

    private static final GuardDecision GO = new GuardDecision(null, Map.of());

    private final String refusal;
    private final Map<StepKey, StepRisk> risks;

    private GuardDecision(String refusal, Map<StepKey, StepRisk> risks) {
        this.refusal = refusal;
        this.risks = Map.copyOf(risks);
    }

    /** Go, without risk facts. */
    public static GuardDecision go() {
        return GO;
    }

    /** Go, with the risk of each step (steps missing from the map get no risk columns). */
    public static GuardDecision go(Map<StepKey, StepRisk> risks) {
        return new GuardDecision(null, risks);
    }

    /** Refuse: nothing is applied, and {@code message} says why (and how to proceed). */
    public static GuardDecision refuse(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a message");
        }
        return new GuardDecision(message, Map.of());
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Why apply was refused; empty when it may go. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    public Optional<StepRisk> risk(String migrationId, int stepIndex) {
        return Optional.ofNullable(risks.get(new StepKey(migrationId, stepIndex)));
    }

    public Map<StepKey, StepRisk> risks() {
        return risks;
    }
}
