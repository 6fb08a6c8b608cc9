package dev.zanith.internal.command;

import dev.zanith.api.output.HistoryEntry;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
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

    private final Settings config;

    public History(Settings config) {
        this.config = config;
    }

    /** Applied migrations in ledger order, then unfinished ones; empty when nothing was ever applied. */
    public List<HistoryEntry> run() {
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        AuditLog audit = new AuditLog(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            if (!history.exists(c)) {
                return List.of();
            }
            Map<String, List<StepRow>> steps = group(audit.appliedSteps(c));
            List<HistoryEntry> entries = new ArrayList<>();
            for (AppliedMigration applied : history.applied(c)) {
                entries.add(new HistoryEntry(applied.id(), applied, steps.getOrDefault(applied.id(), List.of())));
            }
            group(audit.unfinishedSteps(c)).forEach((id, rows) -> entries.add(new HistoryEntry(id, null, rows)));
            return entries;
        } catch (SQLException e) {
            throw new ZanithException("History of " + config.connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
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
