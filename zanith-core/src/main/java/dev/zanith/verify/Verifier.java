package dev.zanith.verify;

import dev.zanith.ZanithException;
import dev.zanith.diff.DiffOptions;
import dev.zanith.diff.Differ;
import dev.zanith.introspect.IntrospectionOptions;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.ops.RawSql;
import dev.zanith.ops.RenderContext;
import dev.zanith.ops.Statements;
import dev.zanith.risk.Assessment;
import dev.zanith.risk.LockMode;
import dev.zanith.risk.ReasonCode;
import dev.zanith.risk.RiskContext;
import dev.zanith.risk.RiskLevel;
import dev.zanith.risk.RiskModel;
import dev.zanith.schema.Extension;
import dev.zanith.schema.ServerVersion;
import dev.zanith.schema.SchemaGraph;
import dev.zanith.shadow.Shadow;
import dev.zanith.shadow.ShadowProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rehearses the pending migrations on a throwaway database: provision a shadow, recreate the live schema in
 * it, apply the pending steps one by one while observing their real locks and rewrites, then compare the
 * result with the declared schema — or, without one, with what the steps claim to produce.
 */
public final class Verifier {

    /**
     * @param live     the live schema the pending migrations start from
     * @param declared the declared schema to compare with, or null to compare with the steps' expected result
     * @param declaredLabel how to name the declared schema in output (its file name)
     */
    public record Request(SchemaGraph live, List<Migration> pending, SchemaGraph declared, String declaredLabel,
                          ShadowProvider shadow, IntrospectionOptions options, String archiveSchema,
                          Map<String, Prediction> predictions, ServerVersion target) {

        public Request(SchemaGraph live, List<Migration> pending, SchemaGraph declared, String declaredLabel,
                       ShadowProvider shadow, IntrospectionOptions options, String archiveSchema) {
            this(live, pending, declared, declaredLabel, shadow, options, archiveSchema, Map.of(), null);
        }
    }

    /** The key of a step in {@link Request#predictions()}: {@code migrationId#stepIndex}. */
    public static String stepKey(String migrationId, int stepIndex) {
        return migrationId + "#" + stepIndex;
    }

    public VerifyResult verify(Request request) {
        long start = System.nanoTime();
        String comparedWith = request.declared() != null
                ? "the declared schema (" + request.declaredLabel() + ")" : "the expected result of the pending migrations";
        if (request.pending().isEmpty() && request.declared() == null) {
            return new VerifyResult(Verdict.NOTHING_PENDING, List.of(), List.of(), "none", comparedWith, null, elapsed(start));
        }
        // With a declared schema and nothing pending, the live schema (replayed on the shadow, so both sides are
        // normalized by the same server) is still compared with it: drift is drift, pending migrations or not.
        List<ObservedStep> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SchemaGraph expected = request.live();
        SchemaGraph observed;
        String shadowDescription;
        try (Shadow shadow = request.shadow().open()) {
            shadowDescription = shadow.describe();
            ShadowReplay replay = new ShadowReplay(shadow, request.options());
            replay.recreate(request.live());
            ServerVersion server = replay.introspect().server();
            majorVersionWarning(request.target(), server).ifPresent(warnings::add);
            StepObserver observer = new StepObserver(shadow.connections(), shadow.mapping(),
                    shadow.mapping().shadowSchemas(request.options().schemas()));
            try (Connection c = shadow.connections().open()) {
                for (Migration migration : request.pending()) {
                    List<Operation> operations = migration.operations();
                    for (int i = 0; i < operations.size(); i++) {
                        Operation operation = operations.get(i);
                        RenderContext context = new RenderContext(migration.id(), i + 1, request.options().excludedPrefix(),
                                shadow.mapping().schemaToShadow(request.archiveSchema()));
                        Operation inShadow = replay.forShadow(operation);
                        ObservedStep step = inShadow instanceof RawSql raw
                                ? observeRaw(c, observer, replay, migration, i + 1, raw, context, server)
                                : observe(c, observer, migration, i + 1, operation, inShadow.render(context), List.of());
                        step = step.withPrediction(request.predictions().get(stepKey(migration.id(), i + 1)));
                        steps.add(step);
                        if (step.failed()) {
                            return new VerifyResult(Verdict.FAILED, steps, List.of(), shadowDescription, comparedWith, step,
                                    elapsed(start), warnings);
                        }
                        expected = ExpectedSchema.supports(operation) ? ExpectedSchema.apply(expected, operation)
                                : replay.introspect().graph();
                    }
                }
            } catch (SQLException e) {
                throw new ZanithException("Verify on the " + shadowDescription + " failed: " + e.getMessage(), e);
            }
            observed = replay.introspect().graph();
        }
        SchemaGraph reference = request.declared() != null ? request.declared() : normalize(expected, request);
        List<Difference> differences = SchemaComparison.compare(withoutVersions(reference), withoutVersions(observed));
        Verdict verdict = !differences.isEmpty() ? Verdict.DRIFT
                : request.pending().isEmpty() ? Verdict.NOTHING_PENDING : Verdict.VERIFIED;
        return new VerifyResult(verdict, steps, differences, shadowDescription, comparedWith, null, elapsed(start),
                warnings);
    }

    /**
     * A warning when the shadow's PostgreSQL major version is not the target's: lock modes, rewrites and catalog
     * details differ between major versions (see POSTGRES.md), so the rehearsal then speaks for the shadow's version.
     */
    static java.util.Optional<String> majorVersionWarning(ServerVersion target, ServerVersion shadow) {
        if (target == null || shadow == null || target.major() == shadow.major()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the shadow runs PostgreSQL " + shadow + " but the target runs " + target
                + ": locks, rewrites and catalog details can differ between major versions, so this rehearsal speaks for "
                + shadow.major() + ". Rehearse on a PostgreSQL " + target.major() + " shadow (--shadow database, or "
                + "--shadow <url> of a PostgreSQL " + target.major() + " server) to be sure.");
    }

    private static ObservedStep observe(Connection c, StepObserver observer, Migration migration, int index,
                                        Operation operation, Statements statements, List<String> inferred) throws SQLException {
        StepObserver.Facts facts = observer.run(c, statements);
        return new ObservedStep(migration.id(), index, operation.kind().id(), operation.summary(), facts.tableLocks(),
                facts.lockObserved(), facts.rewrittenTables(), facts.rebuiltIndexes(), inferred, null, null, List.of(),
                facts.durationMs(), facts.error(), facts.sqlState());
    }

    /** Raw SQL statement by statement: locks, rewrites, and what the schema change amounts to. */
    private static ObservedStep observeRaw(Connection c, StepObserver observer, ShadowReplay replay, Migration migration,
                                           int index, RawSql raw, RenderContext context, ServerVersion server) throws SQLException {
        Statements all = raw.render(context);
        Map<String, LockMode> locks = new HashMap<>();
        List<Assessment> assessments = new ArrayList<>();
        Set<String> rewritten = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        List<String> inferred = new ArrayList<>();
        boolean lockObserved = true;
        long duration = 0;
        List<dev.zanith.internal.sql.SqlScript.Statement> lexed = raw.script().statements();
        for (int i = 0; i < all.sql().size(); i++) {
            SchemaGraph before = replay.introspect().graph();
            StepObserver.Facts facts = observer.run(c, all.only(i));
            duration += facts.durationMs();
            facts.tableLocks().forEach((table, mode) -> locks.merge(table, mode, LockMode::strongest));
            rewritten.addAll(facts.rewrittenTables());
            rebuilt.addAll(facts.rebuiltIndexes());
            lockObserved &= facts.lockObserved();
            if (facts.error() != null) {
                String error = migration.sqlLocation(index, lexed.get(i).line()) + ": " + facts.error()
                        + " (in the statement starting at line " + lexed.get(i).line() + ": "
                        + lexed.get(i).summary(80) + ")";
                return new ObservedStep(migration.id(), index, raw.kind().id(), raw.summary(), locks, lockObserved, rewritten,
                        rebuilt, inferred, null, null, List.of(), duration, error, facts.sqlState());
            }
            SchemaGraph after = replay.introspect().graph();
            RiskContext risk = RiskContext.builder().server(server).live(before).build();
            for (Operation effect : Differ.diff(before, after, DiffOptions.plain()).operations()) {
                inferred.add(effect.kind().id());
                assessments.add(RiskModel.classify(effect, risk));
                risk = risk.after(effect);
            }
        }
        return new ObservedStep(migration.id(), index, raw.kind().id(), raw.summary(), locks, lockObserved, rewritten, rebuilt,
                inferred, derivedLevel(assessments, !rewritten.isEmpty()), null, List.of(), duration, null, null);
    }

    /**
     * The level raw SQL earns from what it did: the worst of what its effects would score as typed operations
     * (at least "high" when it rewrote a table), still carrying raw_sql.
     */
    private static String derivedLevel(List<Assessment> effects, boolean rewrote) {
        int score = effects.stream().mapToInt(Assessment::score).max().orElse(0);
        if (rewrote) {
            score = Math.max(score, RiskLevel.HIGH.min());
        }
        java.util.LinkedHashSet<String> reasons = new java.util.LinkedHashSet<>();
        reasons.add(ReasonCode.RAW_SQL.code());
        effects.forEach(a -> a.reasons().forEach(r -> reasons.add(r.code())));
        return RiskLevel.of(score).name().toLowerCase(java.util.Locale.ROOT) + " " + score + " ("
                + String.join(", ", reasons) + ")";
    }

    /** The expected graph as PostgreSQL spells it: built in a second shadow and read back. */
    private static SchemaGraph normalize(SchemaGraph expected, Request request) {
        try (Shadow shadow = request.shadow().open()) {
            ShadowReplay replay = new ShadowReplay(shadow, request.options());
            replay.recreate(expected);
            return replay.introspect().graph();
        }
    }

    private static SchemaGraph withoutVersions(SchemaGraph graph) {
        return graph.withExtensions(graph.extensions().stream().map(e -> new Extension(e.name(), e.schema(), null)).toList());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
