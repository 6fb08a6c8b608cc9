package dev.zanith.internal.audit;

import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The migration files against the ledger: which are applied, which are pending, and whether an applied
 * file was edited afterwards (refused: the ledger must describe what really ran). A file covered by a baseline
 * ({@link Baselines}) is neither pending nor checked against a checksum.
 */
public record MigrationState(List<Migration> files, List<AppliedMigration> applied, List<Migration> pending) {

    public MigrationState {
        files = List.copyOf(files);
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** Reads the ledger (empty if it does not exist yet) and checks applied files are unchanged. */
    public static MigrationState read(Connection c, MigrationHistory history, List<Migration> files) throws SQLException {
        List<AppliedMigration> applied = history.applied(c);
        Map<String, AppliedMigration> byId = byId(applied);
        for (Migration file : files) {
            AppliedMigration ran = byId.get(file.id());
            if (changed(file, ran)) {
                throw new ZanithException(file.location() + " was changed after it was applied (" + ran.appliedAt()
                        + "): checksum " + shortSum(ran.checksum()) + " in the ledger, " + shortSum(file.checksum())
                        + " now. Applied migrations must describe what ran: revert the edit and put the change in a new "
                        + "migration, or, if the edit is deliberate (a comment, a fix that is already live), accept it with: "
                        + "zanith repair --accept-checksum " + file.id());
            }
        }
        return new MigrationState(files, applied, pending(files, applied));
    }

    /** The files the ledger does not hold and no baseline covers ({@link Baselines}), in file order. */
    public static List<Migration> pending(List<Migration> files, List<AppliedMigration> ledger) {
        Map<String, AppliedMigration> byId = byId(ledger);
        Baselines baselines = Baselines.fromLedger(ledger);
        return files.stream().filter(f -> !byId.containsKey(f.id()) && !baselines.covers(f.id())).toList();
    }

    /** Ids of the files whose ledger row holds another checksum (apply refuses them until repaired), in file order. */
    public static List<String> changed(List<Migration> files, List<AppliedMigration> ledger) {
        Map<String, AppliedMigration> byId = byId(ledger);
        return files.stream().filter(f -> changed(f, byId.get(f.id()))).map(Migration::id).toList();
    }

    /** Whether {@code file} differs from its ledger row; a baseline row describes the schema, not a file. */
    private static boolean changed(Migration file, AppliedMigration ran) {
        return ran != null && !ran.baseline() && !ran.checksum().equals(file.checksum());
    }

    private static Map<String, AppliedMigration> byId(List<AppliedMigration> ledger) {
        return ledger.stream().collect(Collectors.toMap(AppliedMigration::id, Function.identity(), (a, b) -> a));
    }

    private static String shortSum(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }
}
