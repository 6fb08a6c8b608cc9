package dev.zanith.internal.command;

import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.migration.MigrationNames;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code zanith history}: every applied migration in order with its steps, then unfinished ones. Read-only. */
public final class History {

    /**
     * One migration in the history.
     *
     * @param applied its ledger row, or null when it started but did not finish (failed or interrupted)
     */
    public record Entry(String id, AppliedMigration applied, List<StepRow> steps) {

        public Entry {
            steps = List.copyOf(steps);
        }

        /** Whether this entry is a restore ({@code zanith recover}) recorded in the ledger, not a migration. */
        public boolean restore() {
            return MigrationNames.isRestoreId(id);
        }

        /**
         * What the entry records: {@code migration}, {@code restore}, {@code baseline} (zanith baseline: nothing ran)
         * or {@code adopted} (run by Flyway or Liquibase, recorded by zanith adopt).
         */
        public String kind() {
            if (restore()) {
                return "restore";
            }
            return applied == null ? "migration" : applied.kind().value();
        }

        /** {@code applied}, {@code failed} or {@code running} (interrupted, or running right now). */
        public String status() {
            if (applied != null) {
                return "applied";
            }
            return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED) ? "failed" : "running";
        }

        /** The step with the highest risk score, if any step has one. */
        public Optional<StepRow> worstStep() {
            return steps.stream().filter(s -> s.riskScore() != null).max(Comparator.comparing(StepRow::riskScore));
        }

        /** The sum of the steps' risk scores. */
        public int totalRisk() {
            return steps.stream().filter(s -> s.riskScore() != null).mapToInt(StepRow::riskScore).sum();
        }
    }

    private final ZanithConfig config;

    public History(ZanithConfig config) {
        this.config = config;
    }

    /** Applied migrations in ledger order, then unfinished ones; empty when nothing was ever applied. */
    public List<Entry> run() {
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        AuditLog audit = new AuditLog(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            if (!history.exists(c)) {
                return List.of();
            }
            Map<String, List<StepRow>> steps = group(audit.appliedSteps(c));
            List<Entry> entries = new ArrayList<>();
            for (AppliedMigration applied : history.applied(c)) {
                entries.add(new Entry(applied.id(), applied, steps.getOrDefault(applied.id(), List.of())));
            }
            group(audit.unfinishedSteps(c)).forEach((id, rows) -> entries.add(new Entry(id, null, rows)));
            return entries;
        } catch (SQLException e) {
            throw new ZanithException("History of " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, List<StepRow>> group(List<StepRow> rows) {
        Map<String, List<StepRow>> byMigration = new LinkedHashMap<>();
        for (StepRow row : rows) {
            byMigration.computeIfAbsent(row.migrationId(), k -> new ArrayList<>()).add(row);
        }
        return byMigration;
    }
}
