package dev.zanith.internal.command;

import dev.zanith.api.AdoptRequest;
import dev.zanith.api.output.MigrationTool;
import dev.zanith.api.output.AdoptEntry;
import dev.zanith.api.output.AdoptOutcome;
import dev.zanith.api.output.AdoptResult;
import dev.zanith.internal.config.Settings;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.MigrationState;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationResource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code zanith adopt flyway|liquibase}: takes over another tool's history. Reads its history table (never writes
 * it), decides for each row whether it becomes an {@code adopted} ledger row (with the tool's own time, user and
 * duration, and the tool's record of it in {@code adopted_from}), is already recorded, is only reported (repeatable,
 * failed, baseline and other marker rows: not guessed), or is a problem (a file missing or changed since the tool
 * ran it). A dry run by default; with {@code execute}, and only when there is no problem, the rows are written in one
 * transaction under the apply lock. Running it again records nothing twice. See {@link FlywayAdoption} and
 * {@link LiquibaseAdoption} for how each tool's rows map to Zanith migration ids.
 */
public final class Adopt {

    /** A row as a tool reads it: the entry, and for ADOPT the ledger row to write. */
    record Row(AdoptEntry entry, @Nullable String checksum, long durationMs, @Nullable String installedBy,
               @Nullable String description, Map<String, Object> adoptedFrom) {
    }

    /** Reads one tool's history and checks it against the files. */
    interface Reader {
        List<Row> read(Connection c, String qualifiedTable, Files files) throws SQLException;
    }

    /**
     * The migration files: loaded migrations by id, and the raw bytes of each file by its id (a file's id is its name
     * without extension).
     */
    record Files(Map<String, Migration> byId, Map<String, MigrationResource> resources) {

        static Files of(List<Migration> migrations, List<MigrationResource> resources) {
            Map<String, Migration> byId = new LinkedHashMap<>();
            migrations.forEach(m -> byId.put(m.id(), m));
            Map<String, MigrationResource> byStem = new HashMap<>();
            for (MigrationResource r : resources) {
                String name = r.fileName();
                byStem.put(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name, r);
            }
            return new Files(byId, byStem);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Settings config;

    public Adopt(Settings config) {
        this.config = config;
    }

    /**
     * @throws ZanithConfigException without a migrations directory
     * @throws ZanithException       when the history table does not exist, or {@code execute} meets a problem (then
     *                               nothing is written; the message lists every problem)
     */
    public AdoptResult run(AdoptRequest request) {
        if (config.migrations() == null) {
            throw new ZanithConfigException("adopt needs --migrations DIR: the directory of the " + name(request.tool())
                    + " migration files, checked against what " + name(request.tool()) + " ran.");
        }
        List<Migration> migrations = config.loadMigrations();
        Files files = Files.of(migrations, config.migrations().resources());
        String schema = request.schema() != null ? request.schema() : config.schemas().get(0);
        String table = request.table() != null ? request.table() : request.tool().defaultTable();
        String historyTable = schema + "." + table;
        Reader reader = request.tool() == MigrationTool.FLYWAY ? new FlywayAdoption() : new LiquibaseAdoption();
        AuditTables tables = config.auditTables();
        MigrationHistory history = new MigrationHistory(tables);
        String target = Apply.target(config);
        AdvisoryLock lock = request.execute() ? AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), "adopt", target, holder -> { }) : null;
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            boolean exists = Jdbc.queryFirst(c, SqlResources.get("audit/tables-exist.sql"), rs -> rs.getBoolean(1),
                    schema, table).orElse(false);
            if (!exists) {
                throw new ZanithException("No " + name(request.tool()) + " history table " + historyTable + " on "
                        + config.connectionSource().describeTarget() + ". Name it with --" + request.tool().id()
                        + "-schema and --" + request.tool().id() + "-table.");
            }
            List<AppliedMigration> ledger = history.applied(c);
            Set<String> recorded = new HashSet<>();
            ledger.forEach(m -> recorded.add(m.id()));
            List<Row> rows = new ArrayList<>();
            for (Row row : reader.read(c, Identifiers.qualify(schema, table), files)) {
                AdoptEntry e = row.entry();
                if (e.outcome() == AdoptOutcome.ADOPT && recorded.contains(e.migrationId())) {
                    row = new Row(new AdoptEntry(e.source(), e.migrationId(), AdoptOutcome.ALREADY_RECORDED,
                            "already in the Zanith ledger", e.installedAt()), null, 0, null, null, Map.of());
                } else if (e.outcome() == AdoptOutcome.ADOPT) {
                    recorded.add(e.migrationId());
                }
                rows.add(row);
            }
            List<AdoptEntry> entries = rows.stream().map(Row::entry).toList();
            List<AdoptEntry> problems = entries.stream().filter(e -> e.outcome() == AdoptOutcome.PROBLEM).toList();
            List<Row> toWrite = rows.stream().filter(r -> r.entry().outcome() == AdoptOutcome.ADOPT).toList();
            Set<String> adopted = new HashSet<>(recorded);
            ledger.forEach(m -> adopted.remove(m.id()));
            List<String> pending = MigrationState.pending(migrations, ledger).stream().map(Migration::id)
                    .filter(id -> !adopted.contains(id)).toList();
            if (request.execute() && !problems.isEmpty()) {
                throw new ZanithException("Nothing adopted: " + problems.size() + " row(s) of " + historyTable
                        + " do not match " + config.migrations().describe() + ":\n" + problems.stream()
                        .map(p -> "  " + p.source() + ": " + p.how()).reduce((a, b) -> a + "\n" + b).orElse("")
                        + "\nRun without --execute to see every row; fix the files (or --migrations) and run again.");
            }
            if (!request.execute() || toWrite.isEmpty()) {
                return new AdoptResult(request.tool(), historyTable, target, false, entries, pending);
            }
            history.ensureTables(c);
            Jdbc.inTransaction(c, tx -> {
                lock.fence().check(tx);
                for (Row row : toWrite) {
                    history.recordWithoutRunning(tx, row.entry().migrationId(), row.checksum(),
                            row.entry().installedAt() == null ? Instant.now() : row.entry().installedAt(),
                            row.durationMs(), row.installedBy(), row.description(), AppliedMigration.Kind.ADOPTED,
                            JSON.writeValueAsString(row.adoptedFrom()));
                }
                return null;
            });
            return new AdoptResult(request.tool(), historyTable, target, true, entries, pending);
        } catch (SQLException e) {
            throw new ZanithException("Adopting " + name(request.tool()) + " history on "
                    + config.connectionSource().describeTarget() + " failed: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    static String name(MigrationTool tool) {
        return tool.displayName();
    }
}
