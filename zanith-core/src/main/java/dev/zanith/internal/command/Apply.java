package dev.zanith.internal.command;

import dev.zanith.internal.audit.MigrationState;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.PreparedStatementsAcrossDdl;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.internal.apply.Applier;
import dev.zanith.internal.apply.ApplyGuard;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.apply.GuardDecision;
import dev.zanith.internal.step.Fence;
import dev.zanith.api.exception.LockLostException;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.StepHook;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.internal.recover.ArtifactRecorder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code zanith apply}: runs the pending migrations, auditing every step. In this order: take the advisory lock
 * for the target (schema + prefix) on a dedicated connection → create the audit tables if missing → re-read the
 * history (checksums of applied files) → the pre-apply check ({@link ApplyGuard}) → per migration: {@code before}
 * snapshot, steps, {@code after} snapshot and ledger row → release the lock. Every destructive step records its
 * recovery artifact ({@link ArtifactRecorder}) in its own transaction, before any step hook given here.
 */
public final class Apply {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Apply.class);

    private final Settings config;
    private final ApplyListener listener;
    private final ApplyGuard guard;
    private java.util.function.Predicate<Migration> stopBefore = migration -> false;
    private final StepHook stepHook;

    /**
     * An apply that enforces the configured gates (re-planned inside the lock), recording recovery artifacts and no
     * other step hook.
     */
    public Apply(Settings config, ApplyListener listener) {
        this(config, listener, new PlanGuard(config.planner(), null), StepHook.NONE);
    }

    /**
     * @param stepHook work to commit with every step, after the artifact recorder (which always runs)
     */
    public Apply(Settings config, ApplyListener listener, ApplyGuard guard, StepHook stepHook) {
        this.config = config;
        this.listener = listener;
        this.guard = guard;
        this.stepHook = stepHook;
    }

    /**
     * Applies only the pending migrations before the first one matching {@code condition} (Spring applies
     * migrations with long-running steps after startup); the rest stay pending.
     */
    public Apply stopBefore(java.util.function.Predicate<Migration> condition) {
        this.stopBefore = condition;
        return this;
    }

    public ApplyResult run() {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to apply: pass --migrations DIR.");
        }
        List<Migration> files = config.loadMigrations();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        String target = target(config);
        try (AdvisoryLock lock = AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), "apply", target, holder -> listener.lockWaiting(holder, config.lockWait()));
             Connection c = config.connectionSource().open();
             PreparedStatementsAcrossDdl kept = PreparedStatementsAcrossDdl.keep(c)) {
            c.setAutoCommit(true);
            history.ensureTables(c);
            ArtifactRecorder recorder = new ArtifactRecorder(tables, config.artifactRetention());
            try {
                MigrationState state = MigrationState.read(c, history, files);
                List<Migration> pending = state.pending();
                for (int i = 0; i < pending.size(); i++) {
                    if (stopBefore.test(pending.get(i))) {
                        pending = pending.subList(0, i);
                        break;
                    }
                }
                if (pending.isEmpty()) {
                    return new ApplyResult(List.of());
                }
                Applier applier = new Applier(new AuditLog(tables), new StepExecutor(config.timeouts(),
                        config.lockRetry()), config.tablePrefix(), config.archiveSchema(), listener)
                        .withStepHook(recorder.andThen(stepHook))
                        .withSnapshots(new Introspector(config.introspectionOptions().skippingMissingSchemas()))
                        .withBackfillSettings(config.backfill())
                        .withBeforeEachStep(lock::verifyHeld)
                        .withFence(lock.fence())
                        .withReconnect(config.connectionSource());
                applier.recordInterrupted(c);
                applier.checkResumable(c, pending);
                GuardDecision decision = guard.check(c, pending);
                return applier.apply(c, pending, decision);
            } finally {
                // Checksums of the parked data, read without holding the steps' locks (also after a failed step:
                // the artifacts of the steps that committed need theirs).
                completeChecksums(recorder, c, lock.fence());
            }
        } catch (SQLException e) {
            throw new ZanithException("Apply on " + config.connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
        }
    }

    private static void completeChecksums(ArtifactRecorder recorder, Connection c, Fence fence) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
                recorder.completeChecksums(c, fence);
            }
        } catch (SQLException | LockLostException e) {
            LOG.warn("Could not checksum recovery artifacts after apply: {}; the next apply or recover command tries "
                    + "again", e.getMessage());
        }
    }

    /** "public._zanith_* on jdbc:postgresql://host/db": what the apply lock protects. */
    static String target(Settings config) {
        return config.auditSchema() + "." + config.tablePrefix() + "* on " + config.connectionSource().describeTarget();
    }
}
