package dev.zanith.internal.verify;

import dev.zanith.api.output.Difference;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.Prediction;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.sql.SqlScript;
import dev.zanith.internal.sql.StatementErrors;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.LiveDefinitions;
import dev.zanith.internal.introspect.PendingDetaches;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.risk.LockMode;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TableStatistics;
import dev.zanith.internal.shadow.Shadow;
import dev.zanith.api.ShadowProvider;
import dev.zanith.internal.shadow.ShadowSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
     * @param definitions what the live database has beyond the graph (triggers on views and partitioned tables,
     *                    clustering), recreated in the shadow from the live catalog
     */
    public record Request(SchemaGraph live, List<Migration> pending, SchemaGraph declared, String declaredLabel,
                          ShadowSource shadow, IntrospectionOptions options, String archiveSchema,
                          Map<String, Prediction> predictions, ServerVersion target,
                          Map<TableName, TableStatistics> statistics, LiveDefinitions definitions) {

        public Request {
            statistics = statistics == null ? Map.of() : Map.copyOf(statistics);
            definitions = definitions == null ? LiveDefinitions.none() : definitions;
        }

        public Request(SchemaGraph live, List<Migration> pending, SchemaGraph declared, String declaredLabel,
                       ShadowSource shadow, IntrospectionOptions options, String archiveSchema) {
            this(live, pending, declared, declaredLabel, shadow, options, archiveSchema, Map.of(), null, Map.of(), null);
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
            return new VerifyResult(VerifyOutcome.NOTHING_PENDING, List.of(), List.of(), "none", comparedWith, null, elapsed(start));
        }
        // With a declared schema and nothing pending, the live schema (replayed on the shadow, so both sides are
        // normalized by the same server) is still compared with it: drift is drift, pending migrations or not.
        List<ObservedStep> steps = new ArrayList<>();
        // The shadow recreates a detach-pending partition attached: the verdict says what the target really has.
        List<String> warnings = new ArrayList<>(PendingDetaches.warnings(request.live(), request.pending()));
        SchemaGraph expected = request.live();
        SchemaGraph observed;
        String shadowDescription;
        // Without live definitions (whose failures the verdict names) the shadow may be a copy of one an earlier
        // run built for the same live schema (ShadowTemplates).
        boolean plain = request.definitions().afterTables().isEmpty();
        try (Shadow shadow = plain ? ShadowReplay.openRecreated(request.shadow(), request.live(), request.options())
                : request.shadow().open()) {
            shadowDescription = shadow.describe();
            ShadowReplay replay = new ShadowReplay(shadow, request.options(), request.definitions());
            if (!plain) {
                replay.recreate(request.live());
            }
            // Never "safe" by absence: what the shadow lacks is said in the verdict.
            replay.notRecreated().forEach(what -> warnings.add("the shadow lacks " + what
                    + ": steps that touch it were not rehearsed with it"));
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
                                ? observeRaw(c, observer, replay, migration, i + 1, raw, context,
                                RiskContext.builder().server(server).statistics(request.statistics()), warnings)
                                : observe(c, observer, migration, i + 1, operation, inShadow.render(context));
                        step = step.withPrediction(request.predictions().get(stepKey(migration.id(), i + 1)));
                        steps.add(step);
                        if (step.failed()) {
                            return new VerifyResult(VerifyOutcome.FAILED, steps, List.of(), shadowDescription, comparedWith, step,
                                    elapsed(start), warnings);
                        }
                        expected = SchemaEffect.supports(operation) ? SchemaEffect.apply(expected, operation)
                                : replay.introspect().graph();
                    }
                }
            } catch (SQLException e) {
                throw new ZanithException("Verify on the " + shadowDescription + " failed: " + e.getMessage(), e);
            }
            observed = replay.introspect().graph();
        }
        SchemaGraph reference = request.declared() != null ? request.declared() : normalize(expected, request);
        List<Difference> differences = SchemaComparison.compareStructure(reference, observed);
        VerifyOutcome verdict = !differences.isEmpty() ? VerifyOutcome.DRIFT
                : request.pending().isEmpty() ? VerifyOutcome.NOTHING_PENDING : VerifyOutcome.VERIFIED;
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
                                        Operation operation, Statements statements) throws SQLException {
        StepObserver.Facts facts = observer.run(c, statements);
        return step(migration, index, operation, facts, List.of(), null);
    }

    /** A raw statement's failure named by its file and line, the statement quoted. */
    private static StepObserver.Facts located(StepObserver.Facts facts, Migration migration, int index, RawSql raw,
                                              int statement) {
        SqlScript.Statement lexed = raw.script().statements().get(statement);
        return facts.withError(migration.sqlLocation(index, lexed.line()) + ": " + facts.error() + " ("
                + StatementErrors.inStatement(lexed) + ")");
    }

    private static ObservedStep step(Migration migration, int index, Operation operation, StepObserver.Facts facts,
                                     List<Operation> inferred, String derivedLevel) {
        return new ObservedStep(migration.id(), index, operation.kind().id(), operation.summary(), facts.tableLocks(),
                facts.lockObserved(), facts.rewrittenTables(), facts.rebuiltIndexes(), facts.scannedTables(),
                inferred.stream().map(op -> op.kind().id()).toList(), inferred, derivedLevel, null, List.of(),
                facts.durationMs(), facts.error(), facts.sqlState());
    }

    /**
     * Raw SQL statement by statement, as apply runs it: a transactional file in one transaction (so a lock one
     * statement takes is seen held through the next), a file outside a transaction one statement at a time. After
     * each statement the schema it left is read — inside the transaction, under a savepoint that is rolled back so
     * reading takes no lock the file would not — and what the statement did feeds the derived level.
     */
    private static ObservedStep observeRaw(Connection c, StepObserver observer, ShadowReplay replay, Migration migration,
                                           int index, RawSql raw, RenderContext context, RiskContext.Builder risk,
                                           List<String> warnings) throws SQLException {
        Statements all = raw.render(context);
        RawSqlDerivation.Catalog catalog = new RawSqlDerivation.Catalog() {
            @Override
            public Map<String, dev.zanith.api.risk.Volatility> volatility(Set<String> functions) throws SQLException {
                return dev.zanith.api.risk.Volatility.of(CatalogFacts.volatility(c, functions));
            }

            @Override
            public Map<String, CatalogFacts.Domain> domains() throws SQLException {
                return CatalogFacts.domains(c);
            }
        };
        if (!all.transactional()) {
            SchemaGraph before = replay.introspect().graph();
            RawSqlDerivation derivation = new RawSqlDerivation(risk, before, catalog);
            Map<String, LockMode> locks = new HashMap<>();
            Set<String> rewritten = new HashSet<>();
            Set<String> rebuilt = new HashSet<>();
            Set<String> scanned = new HashSet<>();
            boolean scansKnown = true;
            boolean lockObserved = true;
            long duration = 0;
            StepObserver.Facts failed = null;
            for (int i = 0; i < all.sql().size(); i++) {
                String unrehearsable = RawSqlDerivation.unrehearsable(all.sql().get(i), replay.missing());
                StepObserver.Facts facts = observer.run(c, all.only(i));
                if (unrehearsable != null) {
                    notRehearsed(migration, index, unrehearsable, facts, derivation, warnings);
                    if (facts.error() != null) {
                        continue;
                    }
                }
                duration += facts.durationMs();
                facts.tableLocks().forEach((table, mode) -> locks.merge(table, mode, LockMode::strongest));
                rewritten.addAll(facts.rewrittenTables());
                rebuilt.addAll(facts.rebuiltIndexes());
                lockObserved &= facts.lockObserved();
                scansKnown &= facts.scannedTables() != null;
                if (facts.scannedTables() != null) {
                    scanned.addAll(facts.scannedTables());
                }
                if (facts.error() != null) {
                    failed = located(facts, migration, index, raw, i);
                    break;
                }
                SchemaGraph after = replay.introspect().graph();
                derivation.statement(before, after, facts, false);
                before = after;
            }
            StepObserver.Facts total = new StepObserver.Facts(locks, lockObserved, new StepObserver.Changes(rewritten,
                    rebuilt, Set.of(), Map.of(), List.of()), scansKnown ? scanned : null, duration,
                    failed == null ? null : failed.error(), failed == null ? null : failed.sqlState());
            return step(migration, index, raw, total, derivation.inferred(), failed == null ? derivation.level() : null);
        }
        StepObserver.Transaction transaction = observer.begin(c);
        SchemaGraph before = schemaInTransaction(c, replay);
        RawSqlDerivation derivation = new RawSqlDerivation(risk, before, catalog);
        for (int i = 0; i < all.sql().size(); i++) {
            String unrehearsable = RawSqlDerivation.unrehearsable(all.sql().get(i), replay.missing());
            Savepoint savepoint = unrehearsable == null ? null : c.setSavepoint();
            StepObserver.Facts facts = transaction.execute(all.sql().get(i), all.copyData(i));
            if (savepoint != null) {
                notRehearsed(migration, index, unrehearsable, facts, derivation, warnings);
                if (facts.error() != null) {
                    c.rollback(savepoint); // it failed for want of what the shadow lacks: go on without it
                    continue;
                }
                c.releaseSavepoint(savepoint);
            }
            if (facts.error() != null) {
                transaction.rollback();
                return step(migration, index, raw, located(facts, migration, index, raw, i), derivation.inferred(), null);
            }
            SchemaGraph after = schemaInTransaction(c, replay);
            derivation.statement(before, after, facts, true);
            before = after;
        }
        return step(migration, index, raw, transaction.commit(), derivation.inferred(), derivation.level());
    }

    /** Says plainly, in the verdict's warnings and the derived level, that a statement could not be rehearsed. */
    private static void notRehearsed(Migration migration, int index, String why, StepObserver.Facts facts,
                                     RawSqlDerivation derivation, List<String> warnings) {
        String sentence = why + (facts.error() != null ? " (on the shadow it failed: " + facts.error() + ")" : "");
        derivation.notRehearsed(sentence);
        warnings.add("step " + index + " of " + migration.id() + " not rehearsed: " + sentence);
    }

    /** The shadow's schema as the open transaction sees it, read under a savepoint so the reading's locks go with it. */
    private static SchemaGraph schemaInTransaction(Connection c, ShadowReplay replay) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            return replay.introspect(c).graph();
        } finally {
            c.rollback(savepoint);
            c.releaseSavepoint(savepoint);
        }
    }

    /**
     * The expected graph as PostgreSQL spells it: built in a second shadow and read back. Never kept as a shadow
     * template: the expected graph changes with every pending migration, and a template kept for it would only push
     * the live schema's out (ShadowTemplates keeps two).
     */
    private static SchemaGraph normalize(SchemaGraph expected, Request request) {
        try (Shadow shadow = request.shadow().open()) {
            ShadowReplay replay = new ShadowReplay(shadow, request.options());
            replay.recreate(expected);
            return replay.introspect().graph();
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
