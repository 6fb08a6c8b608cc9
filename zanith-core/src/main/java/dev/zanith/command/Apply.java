package dev.zanith.command;

import dev.zanith.audit.MigrationState;
import dev.zanith.ZanithConfig;
import dev.zanith.ZanithConfigException;
import dev.zanith.ZanithException;
import dev.zanith.apply.AdvisoryLock;
import dev.zanith.apply.Applier;
import dev.zanith.apply.ApplyGuard;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.ApplyResult;
import dev.zanith.apply.GuardDecision;
import dev.zanith.apply.StepExecutor;
import dev.zanith.apply.StepHook;
import dev.zanith.audit.AuditLog;
import dev.zanith.audit.AuditTables;
import dev.zanith.audit.MigrationHistory;
import dev.zanith.introspect.Introspector;
import dev.zanith.migration.Migration;
import dev.zanith.migration.MigrationLoader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code zanith apply}: runs the pending migrations, auditing every step. In this order: take the advisory lock
 * for the target (schema + prefix) on a dedicated connection → create the audit tables if missing → re-read the
 * history (checksums of applied files) → the pre-apply check ({@link ApplyGuard}) → per migration: {@code before}
 * snapshot, steps, {@code after} snapshot and ledger row → release the lock.
 */
public final class Apply {

    private final ZanithConfig config;
    private final ApplyListener listener;
    private final ApplyGuard guard;
    private final StepHook stepHook;

    /** An apply that enforces the configured gates (re-planned inside the lock), without a step hook. */
    public Apply(ZanithConfig config, ApplyListener listener) {
        this(config, listener, new PlanGuard(config.planner(), null), StepHook.NONE);
    }

    public Apply(ZanithConfig config, ApplyListener listener, ApplyGuard guard, StepHook stepHook) {
        this.config = config;
        this.listener = listener;
        this.guard = guard;
        this.stepHook = stepHook;
    }

    public ApplyResult run() {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to apply: pass --migrations DIR.");
        }
        List<Migration> files = MigrationLoader.load(config.migrations());
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        String target = target(config);
        try (AdvisoryLock lock = AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), "apply", target, holder -> listener.lockWaiting(holder, config.lockWait()));
             Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            history.ensureTables(c);
            MigrationState state = MigrationState.read(c, history, files);
            if (state.pending().isEmpty()) {
                return new ApplyResult(List.of());
            }
            Applier applier = new Applier(new AuditLog(tables), new StepExecutor(config.timeouts(), config.lockRetry()),
                    config.tablePrefix(), config.archiveSchema(), listener)
                    .withStepHook(stepHook)
                    .withSnapshots(new Introspector(config.introspectionOptions().skippingMissingSchemas()))
                    .withBackfillSettings(config.backfill())
                    .withBeforeEachStep(lock::verifyHeld);
            applier.checkResumable(c, state.pending());
            GuardDecision decision = guard.check(c, state.pending());
            return applier.apply(c, state.pending(), decision);
        } catch (SQLException e) {
            throw new ZanithException("Apply on " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** "public._zanith_* on jdbc:postgresql://host/db": what the apply lock protects. */
    static String target(ZanithConfig config) {
        return config.auditSchema() + "." + config.tablePrefix() + "* on " + config.connectionSource().describeTarget();
    }
}
