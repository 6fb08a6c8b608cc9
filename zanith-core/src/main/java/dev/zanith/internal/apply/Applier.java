package dev.zanith.internal.apply;

import dev.zanith.api.ApplyListener;
import dev.zanith.api.exception.LockLostException;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.MigrationOutcome;
import dev.zanith.api.output.StepOutcome;
import dev.zanith.api.output.StepRisk;
import dev.zanith.internal.step.BackfillSettings;
import dev.zanith.internal.step.Fence;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.step.StepHook;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.Checkpoints;
import dev.zanith.internal.audit.SchemaSnapshots;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.audit.StepRecord;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.jdbc.OneStatement;
import dev.zanith.internal.introspect.CatalogChanges;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.internal.introspect.PendingDetaches;
import dev.zanith.internal.introspect.TrackedSchema;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.Statements;
import dev.zanith.api.schema.SchemaGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs migrations step by step and audits every step: a pending row per step, "running" before it runs,
 * "done" in the same transaction as its DDL (and the {@link StepHook}), "failed" with the error and SQLSTATE.
 * A failure stops the run and leaves the migration unrecorded; the next run resumes at the first step that is
 * not done. With snapshots on, the schema graph is stored before the first step and after the last one, the
 * latter in the same transaction as the ledger row. The schema is introspected in full once per run; after each
 * migration only the tables whose catalog rows changed are read again ({@link Introspector#refresh}), and a
 * snapshot whose graph was just stored (the "after" of one migration is the "before" of the next) is copied on the
 * server instead of being serialized and sent again. Backfills run in checkpointed primary-key batches; raw SQL
 * as {@link RawSqlRunner} says (one transaction, or statement by statement with statement checkpoints). A concurrent
 * index build an earlier run finished marks its step done; one it left INVALID is dropped before the next attempt; a
 * detach an earlier run left pending ({@link PendingDetaches}) is completed with FINALIZE.
 */
public final class Applier {

    private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

    private final AuditLog audit;
    private final StepExecutor executor;
    private final String tablePrefix;
    private final String archiveSchema;
    private final ApplyListener listener;
    private final StepHook hook;
    private final Introspector introspector;
    private final BackfillSettings backfillSettings;
    private final Runnable beforeEachStep;
    private final Fence fence;
    /** Where a failure is recorded when the work connection died (null: nowhere else). */
    private final ConnectionSource reconnect;

    public Applier(AuditLog audit, StepExecutor executor, String tablePrefix, String archiveSchema, ApplyListener listener) {
        this(audit, executor, tablePrefix, archiveSchema, listener, StepHook.NONE, null, BackfillSettings.defaults(),
                () -> { }, Fence.NONE, null);
    }

    private Applier(AuditLog audit, StepExecutor executor, String tablePrefix, String archiveSchema,
                    ApplyListener listener, StepHook hook, Introspector introspector, BackfillSettings backfillSettings,
                    Runnable beforeEachStep, Fence fence, ConnectionSource reconnect) {
        this.audit = audit;
        this.executor = executor;
        this.tablePrefix = tablePrefix;
        this.archiveSchema = archiveSchema;
        this.listener = listener;
        this.hook = hook;
        this.introspector = introspector;
        this.backfillSettings = backfillSettings;
        this.beforeEachStep = beforeEachStep;
        this.fence = fence;
        this.reconnect = reconnect;
    }

    /** The same applier calling {@code stepHook} inside every step's transaction, before "done" commits. */
    public Applier withStepHook(StepHook stepHook) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, stepHook, introspector,
                backfillSettings, beforeEachStep, fence, reconnect);
    }

    /** The same applier storing before/after schema snapshots read with {@code schemaReader}. */
    public Applier withSnapshots(Introspector schemaReader) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, hook, schemaReader, backfillSettings,
                beforeEachStep, fence, reconnect);
    }

    public Applier withBackfillSettings(BackfillSettings settings) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, hook, introspector, settings,
                beforeEachStep, fence, reconnect);
    }

    /** The same applier running {@code check} before every step (e.g. that the advisory lock is still held). */
    public Applier withBeforeEachStep(Runnable check) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, hook, introspector, backfillSettings,
                check, fence, reconnect);
    }

    /**
     * The same applier checking {@code fence} inside every transaction it writes in (step effects, audit rows,
     * checkpoints, ledger, snapshots), so that an applier that lost the apply lock cannot commit anything.
     */
    public Applier withFence(Fence writeFence) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, hook, introspector, backfillSettings,
                beforeEachStep, writeFence, reconnect);
    }

    /**
     * The same applier recording a step's failure on a fresh connection from {@code source} when the work
     * connection itself was lost (terminated, network), so the step does not stay "running" with no error.
     */
    public Applier withReconnect(ConnectionSource source) {
        return new Applier(audit, executor, tablePrefix, archiveSchema, listener, hook, introspector,
                backfillSettings, beforeEachStep, fence, source);
    }

    /** Writes the "failed" row, on a fresh connection when the work connection is gone. */
    private void recordFailure(Connection c, Migration migration, int index, String error, String sqlState,
                               long duration) throws SQLException {
        Jdbc.SqlWork<Void> write = tx -> {
            audit.markFailed(tx, migration.id(), index, error, sqlState, duration);
            return null;
        };
        try {
            fenced(c, write);
        } catch (SQLException e) {
            if (reconnect == null || isValid(c)) {
                throw e;
            }
            LOG.info("The connection of step {} of {} was lost; recording the failure on a new connection", index,
                    migration.id());
            try (Connection fresh = reconnect.open()) {
                fresh.setAutoCommit(true);
                fenced(fresh, write);
            } catch (SQLException | ZanithException second) {
                if (second instanceof LockLostException lost) {
                    throw lost;
                }
                e.addSuppressed(second);
                throw e;
            }
        }
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs audit writes in one transaction behind the fence. */
    private void fenced(Connection c, Jdbc.SqlWork<Void> work) throws SQLException {
        Jdbc.inTransaction(c, tx -> {
            fence.check(tx);
            return work.run(tx);
        });
    }

    /** Applies {@code pending} in order on {@code connection} (whose audit tables exist), without risk facts. */
    public ApplyResult apply(Connection connection, List<Migration> pending) throws SQLException {
        return apply(connection, pending, GuardDecision.go());
    }

    /**
     * Applies {@code pending} in order on {@code connection} (auto-commit, audit tables present) as
     * {@code decision} allows: a refusal applies nothing; otherwise its risk facts go into the step rows.
     */
    public ApplyResult apply(Connection connection, List<Migration> pending, GuardDecision decision)
            throws SQLException {
        if (decision.refused()) {
            listener.refused(decision.refusal().orElseThrow());
            return ApplyResult.refused(decision.refusal().orElseThrow());
        }
        checkResumable(connection, pending);
        SnapshotTrail trail = introspector == null || pending.isEmpty() ? null
                : new SnapshotTrail(introspector.introspectTracked(connection));
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (Migration migration : pending) {
            boolean last = migration == pending.get(pending.size() - 1);
            MigrationOutcome outcome = applyOne(connection, migration, decision, trail, last);
            outcomes.add(outcome);
            if (!outcome.applied()) {
                break;
            }
        }
        return new ApplyResult(outcomes);
    }

    /**
     * Records steps an earlier apply left "running" (it ended without writing their outcome: killed, or its
     * connection lost) as failed, so that the failed-steps query shows them even if this apply goes no further.
     * Call under the apply lock, before anything else is written.
     */
    public void recordInterrupted(Connection c) throws SQLException {
        fenced(c, tx -> {
            for (String step : audit.markInterrupted(tx, "interrupted: the apply running this step ended without "
                    + "recording its outcome (process stopped or connection lost); the next apply runs it again")) {
                LOG.warn("{} was left running by an apply that ended; recorded as failed (interrupted)", step);
            }
            return null;
        });
    }

    /**
     * Refuses to resume a partially applied migration whose completed steps were edited since they ran: the audit
     * rows must describe what ran. Steps that have not completed may change.
     *
     * @throws ZanithException naming the migration, the step and the way out
     */
    public void checkResumable(Connection c, List<Migration> pending) throws SQLException {
        for (Migration migration : pending) {
            List<Operation> operations = migration.operations();
            for (StepRow row : audit.steps(c, migration.id())) {
                if (row.status() != StepStatus.DONE) {
                    continue;
                }
                int index = row.stepIndex();
                String now = null;
                if (index <= operations.size()) {
                    Operation operation = operations.get(index - 1);
                    String sql = operation.render(context(migration, index)).script();
                    if (operation.kind().id().equals(row.operationKind()) && sql.equals(row.sql())) {
                        continue;
                    }
                    now = operation.kind().id();
                }
                throw new ZanithException(migration.location() + ": step " + index + " (" + row.operationKind()
                        + ") already ran in an earlier, unfinished apply of " + migration.id() + ", but the file "
                        + (now == null ? "no longer has a step " + index : "now has a different step " + index + " ("
                        + now + ")") + ". Steps that ran cannot change: restore them as they ran (the audit row keeps "
                        + "the SQL: SELECT sql FROM " + audit.tables().tableName("steps") + " WHERE migration_id = '"
                        + migration.id() + "') and change only the steps after the last completed one, or put the "
                        + "change in a new migration.");
            }
        }
    }

    /** The render context of a step: parked and archive names derive from migration id and step index. */
    public RenderContext context(Migration migration, int stepIndex) {
        return new RenderContext(migration.id(), stepIndex, tablePrefix, archiveSchema);
    }

    /**
     * Applies one migration. Its transactions are observed before they commit ({@link CatalogChanges}) so that the
     * refresh after it reads only what they changed; after the {@code last} migration of the run every table's
     * version is compared, which also takes in what other sessions changed meanwhile.
     */
    private MigrationOutcome applyOne(Connection c, Migration migration, GuardDecision decision, SnapshotTrail trail,
                                      boolean last) throws SQLException {
        CatalogChanges changes = trail == null ? CatalogChanges.unobserved() : new CatalogChanges();
        long start = System.nanoTime();
        List<Operation> operations = migration.operations();
        Map<Integer, StepStatus> statuses = new LinkedHashMap<>();
        for (StepRow row : audit.steps(c, migration.id())) {
            statuses.put(row.stepIndex(), row.status());
        }
        if (statuses.keySet().stream().anyMatch(i -> i > operations.size())) {
            fenced(c, tx -> {
                audit.forgetStepsBeyond(tx, migration.id(), operations.size());
                return null;
            });
        }
        List<StepRecord> records = new ArrayList<>();
        List<StepRecord> fresh = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            int index = i + 1;
            StepRisk risk = decision.risk(migration.id(), index).orElse(null);
            StepRecord record = new StepRecord(migration.id(), index, operation.kind().id(),
                    operation.render(context(migration, index)).script(), operation.summary(),
                    risk == null ? null : risk.level(), risk == null ? null : risk.score(),
                    risk == null ? List.of() : risk.reasons());
            records.add(record);
            if (!statuses.containsKey(index)) {
                fresh.add(record);
            }
        }
        // The pending rows and the "before" snapshot are written in the transaction that marks the first step
        // running (or, when no step runs, the one recording the migration): one commit instead of three, and either
        // all of it is there or none.
        Carried carried = new Carried();
        if (!fresh.isEmpty()) {
            carried.add(tx -> {
                for (StepRecord record : fresh) {
                    audit.recordPending(tx, record);
                }
            });
        }
        listener.migrationStarted(migration, (int) records.stream()
                .filter(r -> statuses.get(r.stepIndex()) != StepStatus.DONE).count());
        snapshotBefore(c, migration, trail, statuses.isEmpty(), carried);
        List<StepOutcome> steps = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            int index = i + 1;
            StepRisk risk = decision.risk(migration.id(), index).orElse(null);
            StepStatus previous = statuses.get(index);
            if (previous == StepStatus.DONE) {
                changes.uncovered(); // it ran in an earlier apply, unobserved
                listener.stepSkipped(migration, index, operation, risk);
                steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.DONE, true, 0,
                        null, null, risk));
                continue;
            }
            beforeEachStep.run();
            listener.stepStarted(migration, index, operation, risk);
            StepRecord running = records.get(i);
            fenced(c, tx -> {
                carried.write(tx);
                audit.markRunning(tx, running);
                return null;
            });
            carried.written();
            long stepStart = System.nanoTime();
            try {
                runStep(c, migration, index, operation, previous, stepStart, changes);
            } catch (SQLException | ZanithException e) {
                if (e instanceof LockLostException) {
                    throw e; // another applier may own this step now: write nothing, not even "failed"
                }
                long duration = elapsedMs(stepStart);
                cleanUpAfterFailure(c, migration, index, operation);
                String error = e.getMessage() + leftBehind(c, operation);
                String sqlState = e instanceof SQLException sql ? sql.getSQLState() : null;
                recordFailure(c, migration, index, error, sqlState, duration);
                listener.stepFailed(migration, index, operation, error);
                steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.FAILED, false,
                        duration, error, sqlState, risk));
                return new MigrationOutcome(migration.id(), false, steps, elapsedMs(start));
            }
            long duration = elapsedMs(stepStart);
            listener.stepDone(migration, index, operation, duration);
            steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.DONE, false, duration,
                    null, null, risk));
        }
        SchemaGraph after = null;
        if (trail != null) {
            trail.schema = introspector.refresh(c, trail.schema, last ? null : changes);
            after = trail.schema.graph();
        }
        SchemaGraph afterGraph = after;
        long duration = elapsedMs(start);
        fenced(c, tx -> {
            carried.write(tx);
            if (afterGraph != null) {
                trail.store(tx, migration.id(), SnapshotPhase.AFTER, afterGraph);
            }
            audit.recordApplied(tx, migration.id(), migration.checksum(), duration, migration.description());
            return null;
        });
        carried.written();
        if (after != null) {
            listener.snapshotTaken(migration, SnapshotPhase.AFTER, after);
        }
        listener.migrationApplied(migration, duration);
        return new MigrationOutcome(migration.id(), true, steps, duration);
    }

    private void runStep(Connection c, Migration migration, int index, Operation operation, StepStatus previous,
                         long stepStart, CatalogChanges changes) throws SQLException {
        RenderContext context = context(migration, index);
        // Where "done" joins the transaction that ran the step's statements, it also observes what they changed;
        // every other way a step runs leaves the migration's changes uncovered (the refresh then compares all).
        StepExecutor.InTransaction done = tx -> {
            fence.check(tx);
            hook.beforeDone(tx, migration, index, operation, context);
            audit.markDone(tx, migration.id(), index, elapsedMs(stepStart));
            changes.capture(tx);
        };
        StepExecutor.RetryListener retries = (attempt, max, delay, cause) -> {
            fenced(c, tx -> {
                audit.recordRetry(tx, migration.id(), index);
                return null;
            });
            listener.stepRetrying(migration, index, operation, attempt, max, delay, cause.getMessage());
        };
        if (operation instanceof Backfill backfill) {
            changes.uncovered();
            new Backfiller(executor, new Checkpoints(audit.tables()), backfillSettings, fence).run(c, migration.id(), index,
                    backfill, progress -> listener.backfillProgress(migration, index, progress), retries, done);
            return;
        }
        if (operation instanceof RawSql raw) {
            if (!raw.runsInTransaction()) {
                changes.uncovered();
            }
            new RawSqlRunner(executor, new Checkpoints(audit.tables()), fence).run(c, migration, index, raw, done, retries);
            return;
        }
        Optional<DetachPartition> pendingDetach = PendingDetaches.pending(c, operation);
        if (pendingDetach.isPresent()) {
            // An interrupted DETACH ... CONCURRENTLY (this step's earlier run, or anyone's) committed its first half:
            // the detach cannot start again, FINALIZE completes it, and the step's summary says it did.
            changes.uncovered();
            DetachPartition detach = pendingDetach.get();
            LOG.info("{} is detach pending; step {} of {} completes the detach with FINALIZE",
                    detach.partition().qualifiedName(), index, migration.id());
            executor.execute(c, detach.finalizePending(), StepExecutor.BeforeAttempt.NOTHING, tx -> {
                audit.resummarize(tx, migration.id(), index, PendingDetaches.finalizedSummary(detach));
                done.run(tx);
            }, retries);
            return;
        }
        Statements statements = operation.render(context);
        Optional<ConcurrentIndexes.Ref> built = ConcurrentIndexes.builtBy(operation);
        if (built.isPresent() && (previous == StepStatus.RUNNING || previous == StepStatus.FAILED)
                && ConcurrentIndexes.state(c, built.get()) == ConcurrentIndexes.State.VALID) {
            // An earlier run finished the build but not the step (interrupted, or failed after the build).
            changes.uncovered();
            LOG.info("Index {} was built by an earlier run of step {} of {}; marking the step done", built.get().sql(),
                    index, migration.id());
            Jdbc.inTransaction(c, tx -> {
                done.run(tx);
                return null;
            });
            return;
        }
        List<ConcurrentIndexes.Ref> mayLeaveInvalid = ConcurrentIndexes.mayLeaveInvalid(operation);
        StepExecutor.BeforeAttempt beforeAttempt = mayLeaveInvalid.isEmpty() ? StepExecutor.BeforeAttempt.NOTHING
                : (conn, attempt) -> ConcurrentIndexes.dropInvalid(conn, executor, mayLeaveInvalid);
        if (!(operation instanceof RawSql)) {
            // A typed step writes one statement per entry: sent whole, the server refuses anything stacked in it.
            for (String sql : statements.sql()) {
                OneStatement.require(c, sql, false, migration.stepLocation(index) + ": " + operation.kind().id());
            }
        }
        if (!statements.transactional()) {
            changes.uncovered();
        }
        executor.execute(c, statements, beforeAttempt, done, retries);
    }

    private void cleanUpAfterFailure(Connection c, Migration migration, int index, Operation operation) {
        if (operation instanceof Backfill) {
            new Backfiller(executor, new Checkpoints(audit.tables()), backfillSettings, fence).failed(c, migration.id(), index);
        }
        if (operation instanceof RawSql raw && !raw.runsInTransaction()) {
            new RawSqlRunner(executor, new Checkpoints(audit.tables()), fence).failed(c, migration.id(), index);
        }
        for (ConcurrentIndexes.Ref built : ConcurrentIndexes.mayLeaveInvalid(operation)) {
            try {
                ConcurrentIndexes.dropIfInvalid(c, executor, built);
            } catch (SQLException e) {
                LOG.warn("Could not drop the INVALID index {} left by the failed build; the next attempt drops it: {}",
                        built.sql(), e.getMessage());
            }
        }
    }

    /** What a failed step left behind that its error alone does not say (a detach left pending), or "". */
    private static String leftBehind(Connection c, Operation operation) {
        if (!(operation instanceof DetachPartition detach)) {
            return "";
        }
        try {
            return PendingDetaches.isPending(c, detach) ? PendingDetaches.leftPending(detach) : "";
        } catch (SQLException e) {
            // The connection is gone with the step: the next apply reads the state again before running it.
            LOG.debug("Could not read whether {} is detach pending: {}", detach.partition().qualifiedName(), e.getMessage());
            return "";
        }
    }

    /**
     * Stores the "before" snapshot with the next transaction ({@code carried}); a resumed migration keeps (and
     * reports) the one its first run stored. A migration without step rows ({@code firstRun}) has none stored: the
     * snapshot is written with them.
     */
    private void snapshotBefore(Connection c, Migration migration, SnapshotTrail trail, boolean firstRun,
                                Carried carried) throws SQLException {
        if (trail == null) {
            return;
        }
        Optional<Snapshot> earlier = firstRun ? Optional.empty()
                : trail.snapshots.find(c, migration.id(), SnapshotPhase.BEFORE);
        if (earlier.isPresent()) {
            listener.snapshotTaken(migration, SnapshotPhase.BEFORE, earlier.get().graph());
            return;
        }
        SchemaGraph graph = trail.schema.graph();
        carried.add(tx -> trail.store(tx, migration.id(), SnapshotPhase.BEFORE, graph),
                () -> listener.snapshotTaken(migration, SnapshotPhase.BEFORE, graph));
    }

    /**
     * Audit writes that go with the next fenced transaction of a migration, and what to tell the listener once that
     * transaction committed.
     */
    private static final class Carried {
        private final List<StepExecutor.InTransaction> writes = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();

        void add(StepExecutor.InTransaction write) {
            add(write, () -> { });
        }

        void add(StepExecutor.InTransaction write, Runnable committed) {
            writes.add(write);
            afterCommit.add(committed);
        }

        void write(Connection tx) throws SQLException {
            for (StepExecutor.InTransaction write : writes) {
                write.run(tx);
            }
        }

        /** The transaction that wrote them committed. */
        void written() {
            writes.clear();
            List<Runnable> told = List.copyOf(afterCommit);
            afterCommit.clear();
            told.forEach(Runnable::run);
        }
    }

    /**
     * The live schema as this run last read it, and the snapshot it last stored: a graph stored again (the same
     * instance, as {@link Introspector#refresh} returns when nothing changed, or the "after" of the previous
     * migration as the next one's "before") is copied on the server, and any other is stored with only its parts not
     * stored yet ({@link SchemaSnapshots#save}).
     */
    private final class SnapshotTrail {
        private final SchemaSnapshots snapshots = new SchemaSnapshots(audit.tables());
        private TrackedSchema schema;
        private SchemaGraph storedGraph;
        private String storedMigration;
        private SnapshotPhase storedPhase;

        SnapshotTrail(TrackedSchema schema) {
            this.schema = schema;
        }

        void store(Connection tx, String migrationId, SnapshotPhase phase, SchemaGraph graph) throws SQLException {
            boolean copied = storedGraph != null && graph == storedGraph
                    && snapshots.copy(tx, migrationId, phase, storedMigration, storedPhase);
            if (!copied) {
                snapshots.save(tx, migrationId, phase, graph);
            }
            storedGraph = graph;
            storedMigration = migrationId;
            storedPhase = phase;
        }
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
