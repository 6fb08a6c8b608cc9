package dev.zanith.internal.command;

import dev.zanith.ZanithConfig;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.MigrationState;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.introspect.LiveDefinitions;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.internal.plan.Preflight;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.risk.Facts;
import dev.zanith.api.risk.LockMode;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TableStatistics;
import dev.zanith.internal.shadow.DeclaredSchema;
import dev.zanith.api.ShadowProvider;
import dev.zanith.api.output.ObservedStep;
import dev.zanith.api.output.Prediction;
import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.internal.verify.Verifier;
import dev.zanith.api.output.VerifyResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code zanith verify}: rehearses the pending migrations on a shadow (see {@link Verifier}). */
public final class Verify {

    private final Settings config;

    public Verify(Settings config) {
        this.config = config;
    }

    /**
     * @param declared the declared schema to compare with, or null
     * @param shadow   where to rehearse
     */
    public VerifyResult run(Path declared, ShadowSource shadow) {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to verify: pass --migrations DIR.");
        }
        List<Migration> files = config.loadMigrations();
        IntrospectionOptions options = config.introspectionOptions().skippingMissingSchemas();
        SchemaGraph live;
        ServerVersion target;
        Map<TableName, TableStatistics> statistics;
        MigrationState state;
        LiveDefinitions definitions;
        Map<String, Prediction> predictions = new HashMap<>();
        try (Connection c = config.connectionSource().open()) {
            // Reading the catalog waits for a lock at most as long as the planner's queries may run: a session that
            // holds a lock on a table (a migration left open) makes verify fail with the server's message, not hang.
            // Reset afterwards: the connection may come from the application's pool.
            Jdbc.query(c, "SELECT pg_catalog.set_config('lock_timeout', ?, false)", rs -> null,
                    Long.toString(config.preflightTimeout().toMillis()));
            try {
                LiveSchema inspected = new Introspector(options).introspect(c);
                live = inspected.graph();
                target = inspected.server();
                statistics = inspected.statistics();
                state = MigrationState.read(c, new MigrationHistory(config.auditTables()), files);
                definitions = LiveDefinitions.read(c, options);
                // The risk model's facts for each step, to compare with what the shadow shows (read-only).
                for (PlannedStep step : config.planner().plan(c, files).steps()) {
                    if (!(step.operation() instanceof RawSql)) {
                        Facts facts = step.assessment().facts();
                        Map<String, LockMode> locks = new HashMap<>();
                        facts.locks().forEach(lock -> locks.merge(lock.table().toString(), lock.mode(), LockMode::strongest));
                        String level = step.assessment().level().id() + " " + step.assessment().score();
                        predictions.put(Verifier.stepKey(step.migrationId(), step.stepIndex()),
                                new Prediction(locks, facts.rewrite(), facts.scan(), level));
                    }
                }
            } finally {
                Jdbc.execute(c, "RESET lock_timeout");
            }
        } catch (SQLException e) {
            throw new ZanithException("Reading " + config.connectionSource().describeTarget() + " failed: " + ConnectionSource.message(e), e);
        }
        SchemaGraph declaredGraph = declared == null ? null : DeclaredSchema.load(declared, shadow, options);
        VerifyResult result = new Verifier().verify(new Verifier.Request(live, state.pending(), declaredGraph,
                declared == null ? null : declared.getFileName().toString(), shadow, options, config.archiveSchema(),
                predictions, target, statistics, definitions));
        return checkInferredOnLiveData(result, state.pending(), RiskContext.builder().server(target).live(live)
                .statistics(statistics).build(), new Preflight(live, target, config.preflightTimeout()));
    }

    /**
     * The shadow has no rows, so a raw step it rehearsed cleanly can still fail on the live data (a NOT NULL column
     * without a default on a table with rows). The operations inferred from each raw step get the same read-only
     * checks against the live data as their typed twins (NULLs, duplicates, orphans, rows that fail a check, values
     * that do not fit); a failed check fails the step, as it would fail on apply.
     */
    private VerifyResult checkInferredOnLiveData(VerifyResult result, List<Migration> pending, RiskContext start,
                                                 Preflight preflight) {
        if (result.verdict() != VerifyOutcome.VERIFIED && result.verdict() != VerifyOutcome.DRIFT
                || result.steps().stream().allMatch(s -> s.inferred().isEmpty())) {
            return result;
        }
        Map<String, ObservedStep> observed = new HashMap<>();
        result.steps().forEach(s -> observed.put(Verifier.stepKey(s.migrationId(), s.stepIndex()), s));
        String ms = Long.toString(config.preflightTimeout().toMillis());
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(false);
            try {
                Jdbc.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                Jdbc.query(c, SqlResources.get("plan/session.sql"), rs -> null, ms, ms);
                RiskContext context = start;
                for (Migration migration : pending) {
                    for (int i = 0; i < migration.operations().size(); i++) {
                        Operation op = migration.operations().get(i);
                        ObservedStep step = observed.get(Verifier.stepKey(migration.id(), i + 1));
                        List<Operation> effects = op instanceof RawSql && step != null ? step.inferred() : List.of(op);
                        for (Operation effect : effects) {
                            if (op instanceof RawSql) {
                                for (PreflightResult check : preflight.check(c, effect, context)) {
                                    if (check.status() == PreflightResult.Status.FAILED) {
                                        return failed(result, step, "on the live data, " + effect.summary() + " fails: "
                                                + check.message() + " (the shadow has no rows, so the rehearsal could "
                                                + "not show it; the same check a typed " + effect.kind().id() + " gets)");
                                    }
                                }
                            }
                            context = context.after(effect);
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ZanithException("Checking the live data of " + config.connectionSource().describeTarget()
                    + " failed: " + ConnectionSource.message(e), e);
        }
        return result;
    }

    private static VerifyResult failed(VerifyResult result, ObservedStep step, String message) {
        ObservedStep failed = step.failedWith(message, null);
        List<ObservedStep> steps = new ArrayList<>();
        for (ObservedStep s : result.steps()) {
            steps.add(s == step ? failed : s);
            if (s == step) {
                break;
            }
        }
        return new VerifyResult(VerifyOutcome.FAILED, steps, List.of(), result.shadow(), result.comparedWith(), failed,
                result.durationMs(), result.warnings());
    }
}
