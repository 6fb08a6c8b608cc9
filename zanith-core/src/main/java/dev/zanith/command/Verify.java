package dev.zanith.command;

import dev.zanith.audit.MigrationState;
import dev.zanith.ZanithConfig;
import dev.zanith.ZanithConfigException;
import dev.zanith.ZanithException;
import dev.zanith.audit.MigrationHistory;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.introspect.IntrospectionOptions;
import dev.zanith.introspect.Introspector;
import dev.zanith.migration.Migration;
import dev.zanith.schema.LiveSchema;
import dev.zanith.schema.SchemaGraph;
import dev.zanith.schema.ServerVersion;
import dev.zanith.schema.TableName;
import dev.zanith.schema.TableStatistics;
import dev.zanith.shadow.DeclaredSchema;
import dev.zanith.shadow.ShadowProvider;
import dev.zanith.ops.RawSql;
import dev.zanith.plan.PlannedStep;
import dev.zanith.risk.Facts;
import dev.zanith.risk.LockMode;
import dev.zanith.verify.Prediction;
import dev.zanith.verify.Verifier;
import dev.zanith.verify.VerifyResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code zanith verify}: rehearses the pending migrations on a shadow (see {@link Verifier}). */
public final class Verify {

    private final ZanithConfig config;

    public Verify(ZanithConfig config) {
        this.config = config;
    }

    /**
     * @param declared the declared schema to compare with, or null
     * @param shadow   where to rehearse
     */
    public VerifyResult run(Path declared, ShadowProvider shadow) {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to verify: pass --migrations DIR.");
        }
        List<Migration> files = config.loadMigrations();
        IntrospectionOptions options = config.introspectionOptions().skippingMissingSchemas();
        SchemaGraph live;
        ServerVersion target;
        Map<TableName, TableStatistics> statistics;
        MigrationState state;
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
            throw new ZanithException("Reading " + config.connectionSource().describeTarget() + " failed: " + e.getMessage(), e);
        }
        SchemaGraph declaredGraph = declared == null ? null : DeclaredSchema.load(declared, shadow, options);
        return new Verifier().verify(new Verifier.Request(live, state.pending(), declaredGraph,
                declared == null ? null : declared.getFileName().toString(), shadow, options, config.archiveSchema(),
                predictions, target, statistics));
    }
}
