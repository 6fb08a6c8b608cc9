package dev.zanith.audit;

import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the per-step audit trail and the ledger row of a migration. */
public final class AuditLog {

    private final AuditTables tables;

    public AuditLog(AuditTables tables) {
        this.tables = tables;
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

    public void markRunning(Connection c, StepRecord step) throws SQLException {
        Jdbc.update(c, tables.sql("step-running.sql"), step.sql(), step.riskLevel(), step.riskScore(),
                Jdbc.textArray(c, step.reasons()), step.migrationId(), step.stepIndex());
    }

    /** Marks a step done; called inside the step's own transaction so "done" commits with its DDL. */
    public void markDone(Connection c, String migrationId, int stepIndex, long durationMs) throws SQLException {
        Jdbc.update(c, tables.sql("step-done.sql"), durationMs, migrationId, stepIndex);
    }

    public void markFailed(Connection c, String migrationId, int stepIndex, String error, String sqlState,
                           long durationMs) throws SQLException {
        Jdbc.update(c, tables.sql("step-failed.sql"), error, sqlState, durationMs, migrationId, stepIndex);
    }

    public void recordApplied(Connection c, String migrationId, String checksum, long durationMs, String description)
            throws SQLException {
        Jdbc.update(c, tables.sql("migration-insert.sql"), migrationId, checksum, durationMs, description);
    }
}
