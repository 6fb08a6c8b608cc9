package dev.zanith.apply;

import dev.zanith.audit.AuditLog;
import dev.zanith.audit.StepRecord;
import dev.zanith.audit.StepStatus;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.ops.RenderContext;
import dev.zanith.ops.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs migrations step by step and audits every step: a pending row per step, "running" before it runs,
 * "done" in the same transaction as its DDL, "failed" with the error and SQLSTATE. A failure stops the run
 * and leaves the migration unrecorded; the next run resumes at the first step that is not done.
 */
public final class Applier {

    private final AuditLog audit;
    private final StepExecutor executor;
    private final String tablePrefix;
    private final String archiveSchema;
    private final ApplyListener listener;

    public Applier(AuditLog audit, StepExecutor executor, String tablePrefix, String archiveSchema, ApplyListener listener) {
        this.audit = audit;
        this.executor = executor;
        this.tablePrefix = tablePrefix;
        this.archiveSchema = archiveSchema;
        this.listener = listener;
    }

    /** Applies {@code pending} in order on {@code connection} (whose audit tables exist). */
    public ApplyResult apply(Connection connection, List<Migration> pending) throws SQLException {
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (Migration migration : pending) {
            MigrationOutcome outcome = applyOne(connection, migration);
            outcomes.add(outcome);
            if (!outcome.applied()) {
                break;
            }
        }
        return new ApplyResult(outcomes);
    }

    /** The render context of a step: parked and archive names derive from migration id and step index. */
    public RenderContext context(Migration migration, int stepIndex) {
        return new RenderContext(migration.id(), stepIndex, tablePrefix, archiveSchema);
    }

    private MigrationOutcome applyOne(Connection c, Migration migration) throws SQLException {
        long start = System.nanoTime();
        List<Operation> operations = migration.operations();
        Map<Integer, StepStatus> statuses = audit.stepStatuses(c, migration.id());
        List<StepRecord> records = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            StepRecord record = new StepRecord(migration.id(), i + 1, operation.kind().id(),
                    operation.render(context(migration, i + 1)).script(), operation.summary(), null, null, List.of());
            records.add(record);
            if (!statuses.containsKey(i + 1)) {
                audit.recordPending(c, record);
            }
        }
        listener.migrationStarted(migration, (int) records.stream()
                .filter(r -> statuses.get(r.stepIndex()) != StepStatus.DONE).count());
        List<StepOutcome> steps = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            StepRecord record = records.get(i);
            int index = i + 1;
            if (statuses.get(index) == StepStatus.DONE) {
                listener.stepSkipped(migration, index, operation);
                steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.DONE, true, 0, null, null));
                continue;
            }
            listener.stepStarted(migration, index, operation);
            audit.markRunning(c, record);
            Statements statements = operation.render(context(migration, index));
            long stepStart = System.nanoTime();
            try {
                executor.execute(c, statements, tx -> audit.markDone(tx, migration.id(), index, elapsedMs(stepStart)));
            } catch (SQLException e) {
                long duration = elapsedMs(stepStart);
                String error = e.getMessage();
                audit.markFailed(c, migration.id(), index, error, e.getSQLState(), duration);
                listener.stepFailed(migration, index, operation, error);
                steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.FAILED, false,
                        duration, error, e.getSQLState()));
                return new MigrationOutcome(migration.id(), false, steps, elapsedMs(start));
            }
            long duration = elapsedMs(stepStart);
            listener.stepDone(migration, index, operation, duration);
            steps.add(new StepOutcome(index, operation.kind().id(), operation.summary(), StepStatus.DONE, false, duration,
                    null, null));
        }
        long duration = elapsedMs(start);
        audit.recordApplied(c, migration.id(), migration.checksum(), duration, migration.description());
        listener.migrationApplied(migration, duration);
        return new MigrationOutcome(migration.id(), true, steps, duration);
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
