package dev.zanith.internal.recover;

import dev.zanith.api.output.ParkedChecksum;
import dev.zanith.api.output.AppliedMigration;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactFilter;
import dev.zanith.api.output.ArtifactStatus;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.api.output.CleanupResult;
import dev.zanith.api.output.ExportFormat;
import dev.zanith.api.output.ExportResult;
import dev.zanith.api.output.Inspection;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.AdvisoryLock;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.internal.audit.AuditLog;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.migration.MigrationNames;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.MigrationHistory;
import dev.zanith.internal.audit.SchemaSnapshots;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.audit.StepRecord;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.QualifiedNames;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code zanith recover} verbs over {@code _zanith_migration_artifacts}: list, inspect, restore (by column, by
 * table, by id), export, purge and cleanup. Restores and purges run under the apply lock, one transaction per
 * artifact, so a crash leaves each artifact either untouched or completely done; running them again is harmless.
 */
public final class Recovery {

    private static final Set<ArtifactType> COLUMN_KINDS = EnumSet.of(ArtifactType.SOFT_DROP_COLUMN,
            ArtifactType.ARCHIVE_COLUMN);
    private static final Set<ArtifactType> TABLE_KINDS = EnumSet.of(ArtifactType.SOFT_DROP_TABLE,
            ArtifactType.ARCHIVE_TABLE);
    private static final DateTimeFormatter RESTORE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int FETCH_SIZE = 1000;

    private final Settings config;
    private final AuditTables tables;
    private final Artifacts artifacts;

    public Recovery(Settings config) {
        this.config = config;
        this.tables = config.auditTables();
        this.artifacts = new Artifacts(tables);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** Artifacts matching {@code filter}, newest first (oldest last); empty when none was ever recorded. */
    public List<Artifact> list(ArtifactFilter filter) {
        return read(c -> exists(c) ? artifacts.list(c, filter) : List.of());
    }

    /** One artifact, if there is one with that id. */
    public Optional<Artifact> find(String id) {
        return read(c -> exists(c) ? artifacts.find(c, id) : Optional.empty());
    }

    /**
     * One artifact in detail: whether its data is still there and what restore would do; with {@code verifyChecksum},
     * the parked data is checksummed again (one pass over it) and compared.
     */
    public Inspection inspect(String id, boolean verifyChecksum) {
        return read(c -> {
            Artifact a = (exists(c) ? artifacts.find(c, id) : Optional.<Artifact>empty())
                    .orElseThrow(() -> noSuchArtifact(id));
            boolean present = a.status() != ArtifactStatus.RESTORED && dataPresent(c, a);
            ParkedChecksum now = null;
            if (verifyChecksum && present && a.type() != ArtifactType.REBUILD_TABLE) {
                now = inReadOnlyTransaction(c, tx -> ParkedData.checksum(tx, select(a)));
            }
            return new Inspection(a, present, now, now == null || a.checksum() == null ? null
                    : now.matches(a.checksum(), a.rowCount()), restoreAction(a, present));
        });
    }

    // ---- restore --------------------------------------------------------------------------------------------

    /** Restores the latest soft-dropped or archived {@code table.column} (by the newest live artifact). */
    public RestoreResult restoreColumn(String table, String column, boolean acceptChangedData) {
        TableName name = table(table);
        List<Artifact> candidates = list(new ArtifactFilter(name.schema(), name.name(), column, null)).stream()
                .filter(a -> COLUMN_KINDS.contains(a.type())).toList();
        if (candidates.isEmpty()) {
            throw new ZanithException("No soft-dropped or archived column " + name + "." + column + " to restore on "
                    + config.connectionSource().describeTarget() + ". See what there is with: zanith recover list --table "
                    + name);
        }
        return restore(pick(candidates).id(), acceptChangedData);
    }

    /** Restores the latest soft-dropped or archived {@code table} (by the newest live artifact). */
    public RestoreResult restoreTable(String table, boolean acceptChangedData) {
        TableName name = table(table);
        List<Artifact> all = list(new ArtifactFilter(name.schema(), name.name(), null, null)).stream()
                .filter(a -> a.sourceColumn() == null).toList();
        List<Artifact> candidates = all.stream().filter(a -> TABLE_KINDS.contains(a.type())).toList();
        if (candidates.isEmpty()) {
            Optional<Artifact> rebuilt = all.stream().filter(a -> a.type() == ArtifactType.REBUILD_TABLE).findFirst();
            if (rebuilt.isPresent()) {
                throw new ZanithException(notRestorable(rebuilt.get()));
            }
            throw new ZanithException("No soft-dropped or archived table " + name + " to restore on "
                    + config.connectionSource().describeTarget() + ". See what there is with: zanith recover list");
        }
        return restore(pick(candidates).id(), acceptChangedData);
    }

    /**
     * Restores one artifact in one transaction under the apply lock: re-checks that nothing conflicts (the name is
     * free, the primary key is the same, the checksum matches), puts the data back, marks the artifact restored and
     * records the restore in the audit tables like a migration ({@code recover:<id>:<UTC time>}). Restoring an
     * artifact restored before changes nothing and says so.
     *
     * @param acceptChangedData restore even when the parked data no longer matches its checksum (it is restored as
     *                          it is now)
     */
    public RestoreResult restore(String artifactId, boolean acceptChangedData) {
        return underLock("recover", (c, lock) -> {
            StepExecutor executor = new StepExecutor(config.timeouts(), config.lockRetry());
            return executor.inTransaction(c, true, tx -> lock.fenced(tx, t -> restoreIn(t, artifactId,
                    acceptChangedData)), StepExecutor.RetryListener.NONE);
        });
    }

    private RestoreResult restoreIn(Connection tx, String id, boolean acceptChangedData) throws SQLException {
        long start = System.nanoTime();
        Artifact a = artifacts.lock(tx, id).orElseThrow(() -> noSuchArtifact(id));
        if (a.status() == ArtifactStatus.RESTORED) {
            return new RestoreResult(a.id(), a.type(), a.sourceName(), false, List.of(), 0, 0, 0, 0, List.of(
                    "already restored " + a.statusChangedAt() + (a.restoredBy() == null ? "" : " by " + a.restoredBy())
                            + ": nothing changed"), a.restoreId(), 0);
        }
        if (!a.type().isRestorable()) {
            throw new ZanithException(notRestorable(a));
        }
        List<String> conflicts = conflicts(tx, a);
        if (!conflicts.isEmpty()) {
            throw new ZanithException("Cannot restore " + a.sourceName() + " from artifact " + a.id() + ": "
                    + String.join("; ", conflicts) + ". Nothing was changed.");
        }
        List<String> warnings = new ArrayList<>();
        ParkedChecksum now = checksumNow(tx, a);
        if (a.checksum() == null) {
            warnings.add("no checksum had been stored for it (its apply was interrupted before it could compute one): "
                    + "restored as it is now, " + now.describe());
        } else if (!now.matches(a.checksum(), a.rowCount())) {
            if (!acceptChangedData) {
                throw checksumMismatch(a, now, "restore");
            }
            warnings.add("the parked data had changed since it was parked (expected "
                    + ParkedChecksum.describe(a.checksum(), a.rowCount()) + ", found " + now.describe()
                    + "): restored as it is now, as asked");
        }
        Introspector introspector = new Introspector(config.introspectionOptions().skippingMissingSchemas());
        SchemaGraph before = introspector.introspect(tx).graph();
        Execution run = new Execution(tx, a);
        for (RecoveryScript.Step step : RecoveryScript.steps(a.type(), a.source(), a.sourceColumn(), a.definition())) {
            run.step(step);
        }
        warnings.addAll(run.warnings);
        SchemaGraph after = introspector.introspect(tx).graph();

        long durationMs = (System.nanoTime() - start) / 1_000_000;
        String restoreId = AppliedMigration.RESTORE_ID_PREFIX + a.id() + ":" + RESTORE_TIME.format(Instant.now());
        artifacts.markRestored(tx, a.id(), restoreId);
        AuditLog audit = new AuditLog(tables);
        String script = run.executed.stream().map(s -> s + ";\n").collect(Collectors.joining());
        StepRecord record = new StepRecord(restoreId, 1, a.type().isColumn() ? "restoreColumn" : "restoreTable", script,
                "restore " + a.sourceName() + " from " + a.type().id() + " " + a.physicalName(), null, null, List.of());
        audit.recordPending(tx, record);
        audit.markRunning(tx, record);
        audit.markDone(tx, restoreId, 1, durationMs);
        SchemaSnapshots snapshots = new SchemaSnapshots(tables);
        snapshots.save(tx, restoreId, SnapshotPhase.BEFORE, before);
        snapshots.save(tx, restoreId, SnapshotPhase.AFTER, after);
        audit.recordApplied(tx, restoreId, Checksums.sha256(script), durationMs, "restore " + a.sourceName() + " (" + a.type().id()
                + " artifact " + a.id() + ")");
        long restoredRows = run.refillRan ? run.refilled : now.rows();
        return new RestoreResult(a.id(), a.type(), a.sourceName(), true, run.executed, restoredRows,
                run.rowsWithoutValue, run.filled, run.refillRan ? now.rows() - run.refilled : 0, warnings, restoreId,
                durationMs);
    }

    /** Runs a restore's steps, deciding the conditional ones from the data. */
    private final class Execution {
        final Connection tx;
        final Artifact a;
        final List<String> executed = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean refillRan;
        long refilled;
        long rowsWithoutValue;
        long filled;

        Execution(Connection tx, Artifact a) {
            this.tx = tx;
            this.a = a;
        }

        void step(RecoveryScript.Step step) throws SQLException {
            String column = a.sourceColumn() == null ? null : Identifiers.quote(a.sourceColumn());
            switch (step.kind()) {
                case PLAIN -> run(step.sql());
                case FILL_NULLS_WITH_DEFAULT -> {
                    long nulls = nulls(column);
                    rowsWithoutValue = nulls;
                    if (nulls > 0) {
                        filled = Jdbc.update(tx, step.sql());
                        executed.add(step.sql());
                    }
                }
                case SET_NOT_NULL -> {
                    long nulls = nulls(column);
                    if (nulls == 0) {
                        run(step.sql());
                    } else {
                        rowsWithoutValue = Math.max(rowsWithoutValue, nulls);
                        warnings.add("NOT NULL is not restored: " + String.format(java.util.Locale.ROOT, "%,d", nulls)
                                + " rows of " + a.source() + " have no value in " + a.sourceColumn() + " (written while it "
                                + "was gone). Give them one, then run: " + step.sql());
                    }
                }
                case REFILL_FROM_ARCHIVE -> {
                    refillRan = true;
                    refilled = Jdbc.update(tx, step.sql());
                    executed.add(step.sql());
                    rowsWithoutValue = unarchived();
                }
                case ADD_IDENTITY -> {
                    long nulls = nulls(column);
                    if (nulls == 0) {
                        run(step.sql());
                    } else {
                        warnings.add("the identity of " + a.sourceColumn() + " is not restored: " + nulls + " rows have "
                                + "no value (inserted after the archive). Give them one, then run: " + step.sql());
                    }
                }
                case DEPENDENT -> dependent(step);
            }
        }

        private void run(String sql) throws SQLException {
            Jdbc.execute(tx, sql);
            executed.add(sql);
        }

        /**
         * Re-creates an index or constraint. Rows written while the column was gone may violate it: a CHECK or
         * FOREIGN KEY is then added NOT VALID, a unique index, UNIQUE or PRIMARY KEY is left out; either way the
         * restore says so and what to run once the rows are fixed. Any other failure fails the restore.
         */
        private void dependent(RecoveryScript.Step step) throws SQLException {
            Savepoint savepoint = tx.setSavepoint();
            try {
                Jdbc.execute(tx, step.sql());
                tx.releaseSavepoint(savepoint);
                executed.add(step.sql());
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                String why = e.getMessage().lines().findFirst().orElse("");
                if (step.fallback() != null && (state.equals("23514") || state.equals("23503"))) {
                    tx.rollback(savepoint);
                    run(step.fallback());
                    warnings.add("re-added NOT VALID (" + why + "): rows written while it was gone violate it. Fix "
                            + "them, then run: " + step.fallback().replaceFirst("(?s) ADD CONSTRAINT (\\S+) .*",
                            " VALIDATE CONSTRAINT $1"));
                } else if (step.fallback() == null && (state.equals("23505") || state.equals("23502"))) {
                    tx.rollback(savepoint);
                    warnings.add("not re-created (" + why + "): rows written while it was gone violate it. Fix them, "
                            + "then run: " + step.sql());
                } else {
                    throw e;
                }
            }
        }

        private long nulls(String column) throws SQLException {
            return Jdbc.queryFirst(tx, SqlResources.render("recover/count-nulls.sql", Map.of("table", a.source().sql(),
                    "column", column)), rs -> rs.getLong(1)).orElse(0L);
        }

        private long unarchived() throws SQLException {
            String match = a.definition().primaryKey().stream()
                    .map(k -> "a." + Identifiers.quote(k) + " = t." + Identifiers.quote(k)).collect(Collectors.joining(" AND "));
            return Jdbc.queryFirst(tx, SqlResources.render("recover/count-unarchived.sql", Map.of("table",
                    a.source().sql(), "archive", ParkedData.relation(a.definition()).sql(), "match", match)),
                    rs -> rs.getLong(1)).orElse(0L);
        }
    }

    /** Everything that makes a restore impossible right now, as phrases; empty when it can go ahead. */
    private List<String> conflicts(Connection c, Artifact a) throws SQLException {
        List<String> conflicts = new ArrayList<>();
        ArtifactDefinition d = a.definition();
        TableName source = a.source();
        TableName parked = ParkedData.relation(d);
        switch (a.type()) {
            case SOFT_DROP_COLUMN -> {
                if (!Catalog.relationExists(c, source)) {
                    conflicts.add("table " + source + " no longer exists");
                    break;
                }
                if (!Catalog.columnExists(c, source, d.parkedColumn())) {
                    conflicts.add("the parked column " + d.parkedColumn() + " is no longer in " + source
                            + " (dropped outside Zanith)");
                }
                columnNameFree(c, a, conflicts);
                dependentNamesFree(c, d, conflicts);
            }
            case ARCHIVE_COLUMN -> {
                if (!Catalog.relationExists(c, source)) {
                    conflicts.add("table " + source + " no longer exists");
                    break;
                }
                if (!Catalog.relationExists(c, parked)) {
                    conflicts.add("the archive table " + parked + " no longer exists (dropped outside Zanith)");
                    break;
                }
                columnNameFree(c, a, conflicts);
                List<String> key = Catalog.primaryKey(c, source);
                if (!key.equals(d.primaryKey())) {
                    conflicts.add("the primary key of " + source + " changed from (" + String.join(", ", d.primaryKey())
                            + ") to " + (key.isEmpty() ? "none" : "(" + String.join(", ", key) + ")")
                            + ": the values are refilled by the primary key they were archived with");
                } else {
                    Map<String, String> now = Catalog.columnTypes(c, source);
                    Map<String, String> archived = Catalog.columnTypes(c, parked);
                    for (String k : key) {
                        if (!now.get(k).equals(archived.get(k))) {
                            conflicts.add("primary key column " + k + " of " + source + " changed type from "
                                    + archived.get(k) + " to " + now.get(k));
                        }
                    }
                }
                dependentNamesFree(c, d, conflicts);
            }
            case SOFT_DROP_TABLE -> {
                if (!Catalog.relationExists(c, parked)) {
                    conflicts.add("the parked table " + parked + " no longer exists (dropped outside Zanith)");
                    break;
                }
                nameFree(c, source, "the name " + source + " is taken again (a table of that name exists)", conflicts);
                for (ArtifactDefinition.RenamedObject r : d.renamed()) {
                    nameFree(c, new TableName(r.schema(), r.original()), "the " + noun(r) + " name " + r.original()
                            + " is taken in schema " + r.schema(), conflicts);
                }
            }
            case ARCHIVE_TABLE -> {
                if (!Catalog.relationExists(c, parked)) {
                    conflicts.add("the archived table " + parked + " no longer exists (dropped outside Zanith)");
                    break;
                }
                if (!Catalog.schemaExists(c, source.schema())) {
                    conflicts.add("schema " + source.schema() + " no longer exists: create it first");
                    break;
                }
                nameFree(c, source, "the name " + source + " is taken again (a table of that name exists)", conflicts);
                nameFree(c, new TableName(source.schema(), parked.name()), "the name " + parked.name()
                        + " (the table's name while it moves back) is taken in schema " + source.schema(), conflicts);
                for (ArtifactDefinition.RenamedObject r : d.renamed()) {
                    nameFree(c, new TableName(source.schema(), r.original()), "the " + noun(r) + " name " + r.original()
                            + " is taken in schema " + source.schema(), conflicts);
                    nameFree(c, new TableName(source.schema(), r.parked()), "the name " + r.parked() + " (the " + noun(r)
                            + "'s name while it moves back) is taken in schema " + source.schema(), conflicts);
                }
            }
            case REBUILD_TABLE -> conflicts.add("rebuild_table artifacts are not restorable");
        }
        return conflicts;
    }

    private static void columnNameFree(Connection c, Artifact a, List<String> conflicts) throws SQLException {
        if (Catalog.columnExists(c, a.source(), a.sourceColumn())) {
            conflicts.add("the name " + a.sourceName() + " is taken: a column of that name exists again (rename or drop "
                    + "it first; zanith recover export " + a.id() + " saves the parked values meanwhile)");
        }
    }

    private static void dependentNamesFree(Connection c, ArtifactDefinition d, List<String> conflicts) throws SQLException {
        for (ArtifactDefinition.Dependent dep : d.dependents()) {
            TableName table = TableName.parse(dep.table(), "public");
            boolean relation = dep.kind().equals("index") || dep.kind().equals("unique") || dep.kind().equals("primaryKey");
            if (dep.kind().equals("primaryKey") && !Catalog.primaryKey(c, table).isEmpty()) {
                conflicts.add(table + " has a primary key again; the one to restore is " + dep.name());
            } else if (relation ? Catalog.relationExists(c, new TableName(table.schema(), dep.name()))
                    : Catalog.constraintExists(c, table, dep.name())) {
                conflicts.add("the " + dep.kind() + " name " + dep.name() + " is taken " + (relation ? "in schema "
                        + table.schema() : "on " + table));
            }
        }
    }

    private static void nameFree(Connection c, TableName name, String conflict, List<String> conflicts)
            throws SQLException {
        if (Catalog.relationExists(c, name)) {
            conflicts.add(conflict);
        }
    }

    private static String noun(ArtifactDefinition.RenamedObject r) {
        return r.kind().equals("constraint") ? "index (of constraint " + r.original() + ")" : r.kind();
    }

    // ---- purge and cleanup ----------------------------------------------------------------------------------

    /**
     * Purges one artifact for good, in one transaction under the apply lock: drops the parked data (the parked
     * column or table, the archive) and deletes the artifact's row. A restored artifact's data is in use again: only
     * its row goes. Purging an artifact that is not there changes nothing.
     */
    public PurgeResult purge(String artifactId) {
        return underLock("recover", (c, lock) -> {
            StepExecutor executor = new StepExecutor(config.timeouts(), config.lockRetry());
            return executor.inTransaction(c, true, tx -> lock.fenced(tx, t -> purgeIn(t, artifactId)),
                    StepExecutor.RetryListener.NONE);
        });
    }

    private PurgeResult purgeIn(Connection tx, String id) throws SQLException {
        Optional<Artifact> found = artifacts.lock(tx, id);
        if (found.isEmpty()) {
            return PurgeResult.notFound(id);
        }
        Artifact a = found.get();
        List<String> drops = new ArrayList<>();
        if (a.status() != ArtifactStatus.RESTORED) {
            ArtifactDefinition d = a.definition();
            TableName parked = ParkedData.relation(d);
            switch (a.type()) {
                case SOFT_DROP_COLUMN -> {
                    if (Catalog.columnExists(tx, parked, d.parkedColumn())) {
                        drops.add("ALTER TABLE " + parked.sql() + " DROP COLUMN " + Identifiers.quote(d.parkedColumn()));
                    }
                }
                case ARCHIVE_COLUMN, SOFT_DROP_TABLE, ARCHIVE_TABLE -> drops.add("DROP TABLE IF EXISTS " + parked.sql());
                case REBUILD_TABLE -> {
                    // The artifact is its definition: only the row goes.
                }
            }
        }
        for (String drop : drops) {
            try {
                Jdbc.execute(tx, drop);
            } catch (SQLException e) {
                if ("2BP01".equals(e.getSQLState())) {
                    throw new ZanithException("Cannot purge artifact " + a.id() + ": other objects depend on "
                            + a.physicalName() + " (" + e.getMessage().lines().collect(Collectors.joining(" ")) + "). "
                            + "Zanith does not drop them for you: drop or change them first, then purge again. Nothing "
                            + "was changed.", e);
                }
                throw e;
            }
        }
        artifacts.delete(tx, a.id());
        return new PurgeResult(a.id(), a.type(), a.sourceName(), true, drops);
    }

    /**
     * Purges every artifact whose expiry has passed, and with {@code olderThan} every artifact created longer ago
     * than that, oldest first, each in its own transaction (a crash leaves the rest for the next run; one that
     * cannot be purged is reported and the others still go). A dry run only lists them. Safe to run from cron.
     */
    public CleanupResult cleanup(Duration olderThan, boolean dryRun) {
        if (olderThan != null && olderThan.isNegative()) {
            throw new ZanithConfigException("cleanup --older-than must not be negative, not " + olderThan + ".");
        }
        if (dryRun) {
            return read(c -> new CleanupResult(true, exists(c) ? artifacts.due(c, olderThan) : List.of(), List.of(),
                    Map.of()));
        }
        return underLock("recover cleanup", (c, lock) -> {
            List<Artifact> due = artifacts.due(c, olderThan);
            StepExecutor executor = new StepExecutor(config.timeouts(), config.lockRetry());
            List<PurgeResult> purged = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (Artifact a : due) {
                try {
                    PurgeResult result = executor.inTransaction(c, true, tx -> lock.fenced(tx,
                            t -> purgeIn(t, a.id())), StepExecutor.RetryListener.NONE);
                    if (result.found()) {
                        purged.add(result);
                    }
                } catch (SQLException | ZanithException e) {
                    // a lost lock stops the cleanup: another apply, repair or restore may own the artifacts now
                    lock.verifyHeld();
                    failed.put(a.id(), e.getMessage());
                }
            }
            return new CleanupResult(false, due, purged, failed);
        });
    }

    // ---- export ---------------------------------------------------------------------------------------------

    /**
     * Streams an artifact's parked rows to {@code out} (UTF-8; flushed, not closed). See
     * {@link #export(String, ExportFormat, Writer, boolean)}.
     */
    public ExportResult export(String artifactId, ExportFormat format, OutputStream out, boolean acceptChangedData) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ExportResult result = export(artifactId, format, writer, acceptChangedData);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export of " + artifactId + " failed: " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * Streams an artifact's parked rows to {@code out} (flushed, not closed) with a server-side cursor (COPY for
     * CSV), in constant memory whatever their number, after verifying their checksum, all in one read-only
     * snapshot. Values are written as PostgreSQL prints them, with TimeZone UTC and ISO dates; rows come in no
     * particular order.
     *
     * @param acceptChangedData export even when the data no longer matches its checksum
     */
    public ExportResult export(String artifactId, ExportFormat format, Writer out, boolean acceptChangedData) {
        return read(c -> {
            Artifact a = (exists(c) ? artifacts.find(c, artifactId) : Optional.<Artifact>empty())
                    .orElseThrow(() -> noSuchArtifact(artifactId));
            if (a.type() == ArtifactType.REBUILD_TABLE) {
                throw new ZanithException("Artifact " + a.id() + " (rebuild_table) parks no rows: it keeps the schema of "
                        + a.source() + " from before the rebuild. See it with: zanith recover inspect " + a.id());
            }
            if (a.status() == ArtifactStatus.RESTORED) {
                throw new ZanithException("Artifact " + a.id() + " was restored " + a.statusChangedAt()
                        + ": its data is back in " + a.source() + "; query it there.");
            }
            if (!dataPresent(c, a)) {
                throw new ZanithException("The parked data of artifact " + a.id() + " (" + a.physicalName()
                        + ") is gone: it was dropped outside Zanith. Purge the artifact: zanith recover purge " + a.id());
            }
            return inReadOnlyTransaction(c, tx -> {
                ParkedChecksum now = checksumNow(tx, a);
                boolean matched = a.checksum() == null || now.matches(a.checksum(), a.rowCount());
                if (!matched && !acceptChangedData) {
                    throw checksumMismatch(a, now, "export");
                }
                long rows = ParkedData.withPinnedSettings(tx, () -> stream(tx, a, format, out));
                return new ExportResult(a.id(), format, rows, matched);
            });
        });
    }

    private static long stream(Connection tx, Artifact a, ExportFormat format, Writer writer) throws SQLException {
        String select = select(a);
        try {
            if (format == ExportFormat.CSV) {
                long rows = tx.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        SqlResources.render("recover/export-csv.sql", Map.of("source", select)), writer);
                writer.flush();
                return rows;
            }
            long rows = 0;
            try (PreparedStatement ps = tx.prepareStatement(SqlResources.render("recover/export-json.sql",
                    Map.of("source", select)), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    if (format == ExportFormat.JSON) {
                        writer.write('[');
                    }
                    while (rs.next()) {
                        if (format == ExportFormat.JSON) {
                            writer.write(rows == 0 ? "\n" : ",\n");
                        }
                        writer.write(rs.getString(1));
                        if (format == ExportFormat.JSONL) {
                            writer.write('\n');
                        }
                        rows++;
                    }
                    if (format == ExportFormat.JSON) {
                        writer.write(rows == 0 ? "]\n" : "\n]\n");
                    }
                }
            }
            writer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export of " + a.id() + " failed: " + e.getMessage(), e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The newest live artifact, else the newest (restored: restore says so). */
    private static Artifact pick(List<Artifact> newestFirst) {
        return newestFirst.stream().filter(a -> a.status() == ArtifactStatus.LIVE).findFirst()
                .orElse(newestFirst.get(0));
    }

    private TableName table(String text) {
        try {
            List<String> parts = QualifiedNames.split(text);
            String schema = config.schemas().get(0);
            return switch (parts.size()) {
                case 1 -> new TableName(schema, parts.get(0));
                case 2 -> new TableName(parts.get(0), parts.get(1));
                default -> throw new IllegalArgumentException("too many parts");
            };
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("Not a table name: '" + text + "' (expected table or schema.table).");
        }
    }

    private static String select(Artifact a) {
        return ParkedData.select(a.type(), a.sourceColumn(), a.definition());
    }

    private static ParkedChecksum checksumNow(Connection tx, Artifact a) throws SQLException {
        try {
            return ParkedData.checksum(tx, select(a));
        } catch (SQLException e) {
            throw ParkedData.unreadable(a, e);
        }
    }

    private static boolean dataPresent(Connection c, Artifact a) throws SQLException {
        ArtifactDefinition d = a.definition();
        TableName parked = ParkedData.relation(d);
        return switch (a.type()) {
            case SOFT_DROP_COLUMN -> Catalog.columnExists(c, parked, d.parkedColumn());
            case ARCHIVE_COLUMN, SOFT_DROP_TABLE, ARCHIVE_TABLE -> Catalog.relationExists(c, parked);
            case REBUILD_TABLE -> true;
        };
    }

    private static String restoreAction(Artifact a, boolean present) {
        if (a.status() == ArtifactStatus.RESTORED) {
            return "already restored " + a.statusChangedAt() + (a.restoredBy() == null ? "" : " by " + a.restoredBy())
                    + (a.restoreId() == null ? "" : " (" + a.restoreId() + ")");
        }
        if (!a.type().isRestorable()) {
            return "never restored: forensic only (a rebuild changes no schema; there is nothing to put back)";
        }
        if (!present) {
            return "cannot restore: the parked data is gone (dropped outside Zanith); purge the artifact";
        }
        ArtifactDefinition d = a.definition();
        return switch (a.type()) {
            case SOFT_DROP_COLUMN -> "renames " + d.parkedColumn() + " back to " + a.sourceColumn() + (d.column() != null
                    && d.column().notNull() ? ", restores NOT NULL" : "") + (d.column() != null
                    && d.column().defaultExpression() != null ? " and the default" : "")
                    + (d.dependents().isEmpty() ? "" : ", re-creates " + d.dependents().size() + " index(es)/constraint(s)")
                    + ": zanith recover restore-column " + a.sourceName();
            case ARCHIVE_COLUMN -> "re-adds " + a.sourceColumn() + " (" + d.column().type() + ") and refills it from "
                    + a.physicalName() + " by primary key (" + String.join(", ", d.primaryKey()) + "): zanith recover "
                    + "restore-column " + a.sourceName();
            case SOFT_DROP_TABLE -> "renames " + a.physicalName() + " back to " + a.source() + " with its "
                    + d.renamed().size() + " index/constraint/sequence name(s): zanith recover restore-table "
                    + a.sourceName();
            case ARCHIVE_TABLE -> "moves " + a.physicalName() + " back to " + a.source() + ": zanith recover "
                    + "restore-table " + a.sourceName();
            case REBUILD_TABLE -> "";
        };
    }

    static String notRestorable(Artifact a) {
        return "Artifact " + a.id() + " (rebuild_table) is for inspection only and is never restored: the rebuild "
                + "rewrote the rows of " + a.source() + " in place without changing its schema, and clients have kept "
                + "reading and writing the table since, so there is nothing to put back (no older copy of the rows "
                + "exists). Its definition keeps the schema as it was: zanith recover inspect " + a.id();
    }

    private static ZanithException noSuchArtifact(String id) {
        return new ZanithException("No artifact '" + id + "' here: purged, or never recorded. zanith recover list shows "
                + "the artifacts.");
    }

    private static ZanithException checksumMismatch(Artifact a, ParkedChecksum now, String what) {
        String why = a.type() == ArtifactType.SOFT_DROP_COLUMN
                ? "rows of " + a.source() + " were deleted (taking their parked values), or parked values were changed"
                : "rows of " + a.physicalName() + " were changed, added or deleted outside Zanith";
        return new ZanithException("The parked data of artifact " + a.id() + " no longer matches its checksum: expected "
                + ParkedChecksum.describe(a.checksum(), a.rowCount()) + ", found " + now.describe() + " (" + why
                + "). Refusing to " + what + ". Look at it first (zanith recover export " + a.id() + " --format csv "
                + "--accept-changed-data), then either " + what + " it as it is now with --accept-changed-data, or purge "
                + "it (zanith recover purge " + a.id() + ").");
    }

    private boolean exists(Connection c) throws SQLException {
        return Jdbc.queryFirst(c, tables.sql("tables-exist.sql"), rs -> rs.getBoolean(1), tables.schema(),
                tables.tableName("artifacts")).orElse(false);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try (Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new ZanithException("Reading recovery artifacts on " + config.connectionSource().describeTarget()
                    + " failed: " + ConnectionSource.message(e), e);
        }
    }

    private static <T> T inReadOnlyTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            Jdbc.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return work.run(c);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** Work under the apply lock, given the lock to fence every transaction it commits with. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection c, AdvisoryLock lock) throws SQLException;
    }

    /**
     * Runs {@code work} under the apply lock (as apply, repair and other recover verbs take it); every transaction
     * {@code work} commits goes through the lock's fence ({@link AdvisoryLock#fenced}), so a restore or purge whose
     * lock session ended does not commit.
     */
    private <T> T underLock(String purpose, LockedWork<T> work) {
        MigrationHistory history = new MigrationHistory(tables);
        String target = tables.schema() + "." + tables.prefix() + "* on " + config.connectionSource().describeTarget();
        try (AdvisoryLock lock = AdvisoryLock.acquire(config.connectionSource(), tables.lockKey("apply"),
                config.lockWait(), purpose, target, holder -> { });
             Connection c = config.connectionSource().open()) {
            c.setAutoCommit(true);
            history.ensureTables(c);
            new ArtifactRecorder(tables, config.artifactRetention()).completeChecksums(c, lock.fence());
            return work.run(c, lock);
        } catch (SQLException e) {
            throw new ZanithException("Recover (" + purpose + ") on " + config.connectionSource().describeTarget()
                    + " failed: " + ConnectionSource.message(e), e);
        }
    }
}
