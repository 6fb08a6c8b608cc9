package dev.zanith.internal.audit;

import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the per-step audit trail and the ledger row of a migration. */
public final class AuditLog {

    private final AuditTables tables;

    public AuditLog(AuditTables tables) {
        this.tables = tables;
    }

    public AuditTables tables() {
        return tables;
    }

    /** The recorded status of each step of a migration (empty when it never started). */
    public Map<Integer, StepStatus> stepStatuses(Connection c, String migrationId) throws SQLException {
        Map<Integer, StepStatus> statuses = new LinkedHashMap<>();
        Jdbc.query(c, tables.sql("step-statuses.sql"), rs -> statuses.put(rs.getInt("step_index"),
                StepStatus.of(rs.getString("status"))), migrationId);
        return statuses;
    }

    /** Inserts a pending row per step, keeping rows an earlier run left. */
    public void recordPending(Connection c, StepRecord step) throws SQLException {
        Jdbc.update(c, tables.sql("step-insert.sql"), step.migrationId(), step.stepIndex(), step.operationKind(),
                step.sql(), step.summary(), step.riskLevel(), step.riskScore(), Jdbc.textArray(c, step.reasons()));
    }

    /** Marks a step running with its current kind, SQL, summary and risk (what runs now is what is audited). */
    public void markRunning(Connection c, StepRecord step) throws SQLException {
        Jdbc.update(c, tables.sql("step-running.sql"), step.operationKind(), step.sql(), step.summary(),
                step.riskLevel(), step.riskScore(),
                Jdbc.textArray(c, step.reasons()), step.migrationId(), step.stepIndex());
    }

    /** Marks a step done; called inside the step's own transaction so "done" commits with its DDL. */
    public void markDone(Connection c, String migrationId, int stepIndex, long durationMs) throws SQLException {
        Jdbc.update(c, tables.sql("step-done.sql"), durationMs, migrationId, stepIndex);
    }

    /**
     * Replaces a step's summary, in the step's own transaction, when the step completed other than its SQL says
     * (the audited SQL stays what the file renders, which a resumed apply compares).
     */
    public void resummarize(Connection c, String migrationId, int stepIndex, String summary) throws SQLException {
        Jdbc.update(c, tables.sql("step-summary.sql"), summary, migrationId, stepIndex);
    }

    public void markFailed(Connection c, String migrationId, int stepIndex, String error, String sqlState,
                           long durationMs) throws SQLException {
        Jdbc.update(c, tables.sql("step-failed.sql"), error, sqlState, durationMs, migrationId, stepIndex);
    }

    /**
     * Marks steps left "running" by an apply that ended without finishing them as failed with {@code cause}; call
     * only under the apply lock (then nothing can be running them).
     *
     * @return "migration_id step N" for each step so recorded
     */
    public List<String> markInterrupted(Connection c, String cause) throws SQLException {
        return Jdbc.query(c, tables.sql("steps-interrupted.sql"), rs -> rs.getString("migration_id") + " step "
                + rs.getInt("step_index"), cause);
    }

    /** Counts one more attempt of a step (a retry after a lock timeout). */
    public void recordRetry(Connection c, String migrationId, int stepIndex) throws SQLException {
        Jdbc.update(c, tables.sql("step-retry.sql"), migrationId, stepIndex);
    }

    /** Forgets rows past {@code stepCount} that never completed (the file lost steps that had not run). */
    public void forgetStepsBeyond(Connection c, String migrationId, int stepCount) throws SQLException {
        Jdbc.update(c, tables.sql("steps-delete-beyond.sql"), migrationId, stepCount);
    }

    /** Every step row of one migration, in order. */
    public List<StepRow> steps(Connection c, String migrationId) throws SQLException {
        return Jdbc.query(c, tables.sql("steps-of.sql"), AuditLog::stepRow, migrationId);
    }

    /** Step rows of migrations that started but are not in the ledger (failed or interrupted). */
    public List<StepRow> unfinishedSteps(Connection c) throws SQLException {
        return Jdbc.query(c, tables.sql("steps-unfinished.sql"), AuditLog::stepRow);
    }

    /** Failed steps of migrations not in the ledger, oldest failure first (the partial index on failed steps). */
    public List<StepRow> failedUnfinishedSteps(Connection c) throws SQLException {
        return Jdbc.query(c, tables.sql("steps-failed-unfinished.sql"), AuditLog::stepRow);
    }

    /** Step rows of applied migrations, in ledger order. */
    public List<StepRow> appliedSteps(Connection c) throws SQLException {
        return Jdbc.query(c, tables.sql("steps-applied.sql"), AuditLog::stepRow);
    }

    public void recordApplied(Connection c, String migrationId, String checksum, long durationMs, String description)
            throws SQLException {
        Jdbc.update(c, tables.sql("migration-insert.sql"), migrationId, checksum, durationMs, description);
    }

    static StepRow stepRow(ResultSet rs) throws SQLException {
        return new StepRow(rs.getString("migration_id"), rs.getInt("step_index"), rs.getString("operation_kind"),
                StepStatus.of(rs.getString("status")), rs.getString("sql"), rs.getString("summary"),
                rs.getString("risk_level"), (Integer) rs.getObject("risk_score", Integer.class),
                Jdbc.strings(rs, "reasons"), rs.getString("error"), rs.getString("sqlstate"),
                (Long) rs.getObject("duration_ms", Long.class), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getInt("attempts"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
