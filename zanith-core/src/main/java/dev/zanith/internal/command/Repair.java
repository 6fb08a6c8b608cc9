package dev.zanith.internal.command;

import dev.zanith.api.output.RepairResult;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code zanith repair --accept-checksum ID}: deliberately accepts the current content of an applied migration
 * file (a comment fixed, a change that is already live) by replacing the ledger's checksum. The previous checksum,
 * who and when are kept in the ledger row's {@code repairs} column. Runs under the apply lock.
 */
public final class Repair {

    private final Settings config;

    public Repair(Settings config) {
        this.config = config;
    }

    public RepairResult acceptChecksum(String id) {
        if (config.migrations() == null) {
            throw new ZanithConfigException("repair --accept-checksum needs --migrations DIR: the checksum accepted is "
                    + "the one of the migration file as it is now.");
        }
        List<Migration> files = config.loadMigrations();
        Migration file = files.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() ->
                new ZanithException("No migration file with id '" + id + "' in " + config.migrations().describe()
                        + ". Check the id (zanith history lists applied ones) and --migrations."));
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        String target = Apply.target(config);
        try (AdvisoryLock lock = AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), "repair", target, holder -> { });
             Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            Optional<AppliedMigration> applied = history.applied(c).stream().filter(m -> m.id().equals(id)).findFirst();
            if (applied.isEmpty()) {
                throw new ZanithException("Migration " + id + " has not been applied on " + target
                        + ", so there is no checksum to accept: apply runs it as it is now.");
            }
            String previous = applied.get().checksum();
            if (previous.equals(file.checksum())) {
                return new RepairResult(id, previous, previous, false, file.location());
            }
            // behind the lock's fence: a repair whose lock session ended does not commit
            boolean accepted = Jdbc.inTransaction(c, tx -> lock.fenced(tx, t -> history.acceptChecksum(t, id,
                    previous, file.checksum(), file.location())));
            if (!accepted) {
                throw new ZanithException("The ledger row of " + id + " changed while repairing; run repair again.");
            }
            return new RepairResult(id, previous, file.checksum(), true, file.location());
        } catch (SQLException e) {
            throw new ZanithException("Repair on " + config.connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
        }
    }
}
