package dev.zanith.internal.command;

import dev.zanith.api.output.StatusSummary;
import dev.zanith.api.output.StatusReport;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code zanith status}: applied, pending, failed or interrupted, and who holds the apply lock. Read-only. */
public final class Status {

    private final Settings config;

    public Status(Settings config) {
        this.config = config;
    }

    public StatusReport run() {
        List<Migration> files = config.migrations() == null ? null : config.loadMigrations();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean initialized = history.exists(c);
            List<AppliedMigration> ledger = initialized ? history.applied(c) : List.of();
            List<AppliedMigration> applied = ledger.stream().filter(m -> !m.restore()).toList();
            List<AppliedMigration> restores = ledger.stream().filter(AppliedMigration::restore).toList();
            List<StepRow> unfinished = initialized ? new AuditLog(tables).unfinishedSteps(c) : List.of();
            Optional<LockHolder> holder = AdvisoryLock.holder(c, tables.lockKey("apply"));
            List<Migration> pending = null;
            List<String> changed = List.of();
            if (files != null) {
                pending = dev.zanith.internal.audit.MigrationState.pending(files, applied);
                changed = dev.zanith.internal.audit.MigrationState.changed(files, applied);
                Set<String> pendingIds = pending.stream().map(Migration::id).collect(Collectors.toSet());
                unfinished = unfinished.stream().filter(s -> pendingIds.contains(s.migrationId())).toList();
            }
            return new StatusReport(Apply.target(config), initialized, applied, restores, pending, changed, unfinished, holder);
        } catch (SQLException e) {
            throw new ZanithException("Status of " + config.connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
        }
    }

    /**
     * The numbers of {@link StatusSummary}: no file is parsed again unless it changed, and the database answers five short
     * queries (the apply lock's holder in pg_locks; whether the ledger exists; its counts and which file ids it lacks;
     * failed steps through their partial index; the latest migration through the applied_at index) whose cost does
     * not grow with the number of applied migrations beyond an index-only count.
     */
    public StatusSummary summary() {
        List<Migration> files = config.migrations() == null ? null : config.loadMigrations();
        List<String> fileIds = files == null ? List.of() : files.stream().map(Migration::id).toList();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            Optional<LockHolder> holder = AdvisoryLock.holder(c, tables.lockKey("apply"));
            if (!history.exists(c)) {
                return new StatusSummary(Apply.target(config), false, 0, 0, files == null ? null : fileIds, List.of(), null,
                        holder);
            }
            MigrationHistory.LedgerSummary ledger = history.summary(c, fileIds);
            Set<String> pendingIds = Set.copyOf(ledger.notApplied());
            List<StepRow> failed = new AuditLog(tables).failedUnfinishedSteps(c).stream()
                    .filter(s -> files == null || pendingIds.contains(s.migrationId())).toList();
            return new StatusSummary(Apply.target(config), true, ledger.migrations(), ledger.restores(),
                    files == null ? null : ledger.notApplied(), failed, history.lastApplied(c).orElse(null), holder);
        } catch (SQLException e) {
            throw new ZanithException("Status of " + config.connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
        }
    }
}
