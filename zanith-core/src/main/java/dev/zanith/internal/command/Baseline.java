package dev.zanith.internal.command;

import dev.zanith.api.BaselineRequest;
import dev.zanith.api.output.BaselineResult;
import dev.zanith.internal.config.Settings;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.Baselines;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.MigrationState;
import dev.zanith.internal.audit.SchemaSnapshots;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.output.StepRow;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@code zanith baseline}: records the live schema as the starting point of a database Zanith has not managed. In
 * one transaction under the apply lock: a ledger row of kind {@code baseline} (its checksum is the schema's
 * fingerprint, its duration 0) and a {@code before} and an {@code after} snapshot of the same, current schema.
 * Nothing is executed. From then on, migration files whose id sorts at or before the baseline's id count as applied
 * ({@link Baselines}). Refuses when the target already has Zanith history, unless asked to add a baseline anyway.
 */
public final class Baseline {


    private final Settings config;

    public Baseline(Settings config) {
        this.config = config;
    }

    /**
     * @throws ZanithConfigException for an id a migration may not have
     * @throws ZanithException       when the target has Zanith history (and {@code allowHistory} is false), when the
     *                               ledger already holds the id, or when the database fails
     */
    public BaselineResult run(BaselineRequest request) {
        String id = request.id() == null ? BaselineRequest.DEFAULT_ID : checkId(request.id());
        List<Migration> files = config.migrations() == null ? null : config.loadMigrations();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        String target = Apply.target(config);
        try (AdvisoryLock lock = AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), "baseline", target, holder -> { });
             Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            history.ensureTables(c);
            List<AppliedMigration> ledger = history.applied(c);
            if (ledger.stream().anyMatch(m -> m.id().equals(id))) {
                throw new ZanithException("The ledger of " + target + " already holds '" + id + "' (see zanith "
                        + "history). Choose another --id.");
            }
            List<StepRow> unfinished = new AuditLog(tables).unfinishedSteps(c);
            if (!request.allowHistory() && (!ledger.isEmpty() || !unfinished.isEmpty())) {
                throw new ZanithException(target + " already has Zanith history (" + ledger.size() + " ledger row(s)"
                        + (unfinished.isEmpty() ? "" : ", " + unfinished.stream().map(StepRow::migrationId).distinct()
                        .count() + " unfinished migration(s)") + ", see zanith history), so it needs no baseline: "
                        + "nothing was recorded. To record one anyway (migration files sorting at or before it then "
                        + "count as applied), add --allow-history.");
            }
            SchemaGraph graph = new Introspector(config.introspectionOptions().skippingMissingSchemas())
                    .introspect(c).graph();
            String fingerprint = SchemaGraphJson.fingerprint(graph);
            String description = request.description() != null && !request.description().isBlank()
                    ? request.description()
                    : "baseline of " + graph.tables().size() + " table(s) in " + String.join(", ", config.schemas());
            SchemaSnapshots snapshots = new SchemaSnapshots(tables);
            Jdbc.inTransaction(c, tx -> {
                lock.fence().check(tx);
                history.recordWithoutRunning(tx, id, fingerprint, Instant.now(), 0, null, description,
                        AppliedMigration.Kind.BASELINE, null);
                snapshots.save(tx, id, SnapshotPhase.BEFORE, graph);
                snapshots.save(tx, id, SnapshotPhase.AFTER, graph);
                return null;
            });
            List<AppliedMigration> now = history.applied(c);
            Baselines baselines = Baselines.fromLedger(now);
            List<String> covered = files == null ? List.of()
                    : files.stream().map(Migration::id).filter(baselines::covers).toList();
            List<String> pending = files == null ? null
                    : MigrationState.pending(files, now).stream().map(Migration::id).toList();
            return new BaselineResult(id, description, target, fingerprint, graph.tables().size(), covered, pending);
        } catch (SQLException e) {
            throw new ZanithException("Baseline on " + config.connectionSource().describeTarget() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A baseline id follows the rules of a migration id: not blank, no restore prefix, no path or control characters. */
    static String checkId(String id) {
        if (id.isBlank() || !id.equals(id.strip()) || id.chars().anyMatch(ch -> ch < 0x20 || ch == '/' || ch == '\\')) {
            throw new ZanithConfigException("Invalid baseline id '" + id + "': use what a migration file name "
                    + "(without extension) could be, e.g. V5__baseline or 20261201120000_baseline.");
        }
        if (AppliedMigration.isRestoreId(id)) {
            throw new ZanithConfigException("Invalid baseline id '" + id + "': ids starting with '"
                    + AppliedMigration.RESTORE_ID_PREFIX + "' mark restores in the ledger.");
        }
        return id;
    }
}
