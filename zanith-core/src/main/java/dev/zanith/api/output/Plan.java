package dev.zanith.api.output;

import dev.zanith.api.output.Gates;
import dev.zanith.api.output.RiskProfile;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.ServerVersion;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verdict before anything writes: every pending step classified in context and preflighted, the gates
 * applied, and the fingerprint of the live schema it was computed against (apply refuses a stale plan).
 *
 * @param database    the database planned against
 * @param fingerprint {@link LiveSchema#fingerprint()} of the live schema at planning time
 * @param readOnly    whether planning ran in a read-only transaction (always, unless the caller's own
 *                    transaction was read-write; the planner still only reads)
 * @param refusal     why it is refused, or null when GREEN
 * @param warnings    things worth knowing that do not refuse (inconclusive preflight checks, ...)
 */
public record Plan(String database, ServerVersion server, String fingerprint, boolean readOnly, Instant plannedAt,
                   Gates gates, List<MigrationPlan> migrations, List<GateResult> gateResults, Verdict verdict,
                   @Nullable Refusal refusal, List<String> warnings) implements RiskProfile {

    /** The version of the JSON form ({@link PlanJson}); bumped only on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    public Plan {
        migrations = List.copyOf(migrations);
        gateResults = List.copyOf(gateResults);
        warnings = List.copyOf(warnings);
    }

    /** Every step, in the order apply runs them. */
    public List<PlannedStep> steps() {
        return migrations.stream().flatMap(m -> m.steps().stream()).toList();
    }

    @Override
    public List<PlannedStep> toRun() {
        return steps().stream().filter(s -> !s.done()).toList();
    }

    /** A step by migration id and 1-based index (what apply needs to fill risk columns of its audit rows). */
    public Optional<PlannedStep> step(String migrationId, int stepIndex) {
        return steps().stream().filter(s -> s.migrationId().equals(migrationId) && s.stepIndex() == stepIndex)
                .findFirst();
    }

    public Optional<Refusal> refusalReason() {
        return Optional.ofNullable(refusal);
    }

    public boolean isGreen() {
        return verdict == Verdict.GREEN;
    }

    /** Nothing pending. */
    public boolean isEmpty() {
        return toRun().isEmpty();
    }

    /** Whether {@code live} is still the schema this plan was computed against. */
    public boolean matches(LiveSchema live) {
        return fingerprint.equals(live.fingerprint());
    }

    public Optional<GateResult> gate(String name) {
        return gateResults.stream().filter(g -> g.gate().equals(name)).findFirst();
    }
}
