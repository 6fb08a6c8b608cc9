package dev.zanith.internal.recover;

import dev.zanith.api.output.ParkedChecksum;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.step.Fence;
import dev.zanith.internal.step.StepHook;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.audit.SchemaSnapshots;
import dev.zanith.api.output.Snapshot;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.internal.Checksums;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.ArchiveTable;
import dev.zanith.api.ops.Ddl;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RebuildTable;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.SoftDropColumn;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Expressions;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a row in {@code _zanith_migration_artifacts} for every destructive step, inside the step's own
 * transaction (so the artifact commits with the drop, or neither does): soft_drop_column, soft_drop_table,
 * archive_column, archive_table and rebuild_table. It reads what the step left (the parked column or table, the
 * archive) and the migration's {@code before} snapshot (the column's NOT NULL and default, indexes and constraints
 * that earlier steps dropped).
 *
 * <p>The checksum of the parked data is a full pass over it, so it is not computed inside the step's transaction,
 * where the step's ACCESS EXCLUSIVE lock would block the (live) table for the whole pass: {@link
 * #completeChecksums(Connection)} computes it right after, in a short transaction of its own per artifact (apply
 * calls it when its steps are done; an interrupted apply leaves it to the next apply or recover command).
 *
 * <p>Besides bookkeeping it finishes the parking, in the same transaction:
 * <ul>
 *   <li>soft_drop_column: drops what could reject inserts that omit the parked column: CHECK constraints on it,
 *       unique indexes or constraints that treat NULLs as equal or index an expression of it, and MATCH FULL foreign
 *       keys through it (NOT NULL and the default were dropped by the step); all are recorded and re-created on
 *       restore;</li>
 *   <li>soft_drop_table, archive_table: renames the table's indexes, index-backed constraints and owned sequences
 *       to parked names, so a new table of the same name can be created with its usual index names (and a second
 *       archived table with the same names fits in the archive schema).</li>
 * </ul>
 */
public final class ArtifactRecorder implements StepHook {

    static final String DROPPED_EARLIER = "dropped_earlier";
    static final String DROPPED_WITH_COLUMN = "dropped_with_column";
    static final String DROPPED_WHEN_PARKED = "dropped_when_parked";

    private static final List<String> KIND_ORDER = List.of("primaryKey", "unique", "index", "check", "foreignKey");

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactRecorder.class);

    private final Artifacts artifacts;
    private final SchemaSnapshots snapshots;
    private final Duration retention;
    private final Map<String, Optional<SchemaGraph>> before = new HashMap<>();

    /**
     * @param retention how long artifacts are kept ({@code expires_at} = creation + retention); zero: forever
     */
    public ArtifactRecorder(AuditTables tables, Duration retention) {
        this.artifacts = new Artifacts(tables);
        this.snapshots = new SchemaSnapshots(tables);
        this.retention = retention;
    }

    @Override
    public void beforeDone(Connection c, Migration migration, int stepIndex, Operation operation, RenderContext context)
            throws SQLException {
        Artifacts.NewArtifact artifact;
        if (operation instanceof SoftDropColumn op) {
            artifact = softDropColumn(c, migration, stepIndex, op, context);
        } else if (operation instanceof ArchiveColumn op) {
            artifact = archiveColumn(c, migration, stepIndex, op, context);
        } else if (operation instanceof SoftDropTable op) {
            artifact = parkedTable(c, migration, stepIndex, ArtifactType.SOFT_DROP_TABLE, op.table(),
                    new TableName(op.table().schema(), context.parkedName(op.table().name())), context);
        } else if (operation instanceof ArchiveTable op) {
            artifact = parkedTable(c, migration, stepIndex, ArtifactType.ARCHIVE_TABLE, op.table(),
                    new TableName(context.archiveSchema(), context.archiveName(op.table().name(), null)), context);
        } else if (operation instanceof RebuildTable op) {
            artifact = rebuildTable(c, migration, stepIndex, op);
        } else {
            return;
        }
        if (artifact == null) {
            return;
        }
        if (artifacts.find(c, artifact.id()).isPresent()) {
            // The same kind on the same object twice in one migration: the later step gets its own id.
            artifact = new Artifacts.NewArtifact(artifact.id() + "#" + stepIndex, artifact.migrationId(),
                    artifact.stepIndex(), artifact.type(), artifact.source(), artifact.sourceColumn(),
                    artifact.physicalName(), artifact.definition(), artifact.checksum(), artifact.rowCount(),
                    artifact.sizeBytes(), artifact.recoverySql());
        }
        artifacts.insert(c, artifact, retention);
    }

    /**
     * Computes and stores the checksum of every live artifact that has none yet (recorded by this run, or left by
     * an interrupted one), each in its own short transaction that locks nothing but ACCESS SHARE.
     *
     * @param c     a connection in auto-commit mode
     * @param fence the apply lock's fence: each checksum commits only while the lock is still held
     * @return the ids checksummed
     * @throws dev.zanith.api.exception.LockLostException when the lock was lost (what committed before stays)
     */
    public List<String> completeChecksums(Connection c, Fence fence) throws SQLException {
        List<String> done = new ArrayList<>();
        for (Artifact a : artifacts.unsummed(c)) {
            try {
                Jdbc.inTransaction(c, tx -> fence.around(tx, t -> {
                    ParkedChecksum sum = ParkedData.checksum(t, ParkedData.select(a.type(), a.sourceColumn(),
                            a.definition()));
                    artifacts.storeChecksum(t, a.id(), sum);
                    return null;
                }));
                done.add(a.id());
            } catch (SQLException e) {
                LOG.warn("Could not checksum the parked data of artifact {} ({}): {}; the next apply or recover "
                        + "command tries again", a.id(), a.physicalName(), e.getMessage());
            }
        }
        return done;
    }

    /** {@code <migration id>::<type>::<schema>.<table>[.<column>]}. */
    static String id(String migrationId, ArtifactType type, TableName table, String column) {
        return migrationId + "::" + type.id() + "::" + table.schema() + "." + table.name()
                + (column == null ? "" : "." + column);
    }

    // ---- soft_drop_column ------------------------------------------------------------------------------------

    private Artifacts.NewArtifact softDropColumn(Connection c, Migration migration, int stepIndex, SoftDropColumn op,
                                                 RenderContext context) throws SQLException {
        TableName table = op.table();
        String original = op.column();
        String parked = context.parkedName(original);
        Table live = Introspector.readTable(c, table).orElseThrow(() -> missing(op.summary(), table.toString()));
        Column parkedColumn = live.column(parked).orElseThrow(() -> missing(op.summary(), table + "." + parked));
        Optional<Table> earlier = beforeTable(c, migration, table);
        List<String> notes = new ArrayList<>();
        Column definition = original(original, parkedColumn, earlier.flatMap(t -> t.column(original)).orElse(null),
                op.definition(), notes);

        UnaryOperator<String> toOriginal = e -> Expressions.renameIdentifier(e, parked, original);
        List<ArtifactDefinition.Dependent> dependents = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        // What could reject an insert that omits the parked column goes now, and comes back on restore.
        for (CheckConstraint check : live.checkConstraints()) {
            if (mentions(check.expression(), parked)) {
                drops.add("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + Identifiers.quote(check.name()));
                dependents.add(check(table, new CheckConstraint(check.name(), toOriginal.apply(check.expression()),
                        check.validated(), check.noInherit()), DROPPED_WHEN_PARKED));
            }
        }
        for (UniqueConstraint unique : live.uniqueConstraints()) {
            if (unique.nullsNotDistinct() && (unique.columns().contains(parked) || unique.include().contains(parked))) {
                drops.add("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + Identifiers.quote(unique.name()));
                dependents.add(dependent("unique", table, unique.name(), "ALTER TABLE " + table.sql() + " ADD "
                        + Ddl.unique(new UniqueConstraint(unique.name(), replace(unique.columns(), parked, original),
                        replace(unique.include(), parked, original), true, unique.deferrable(),
                        unique.initiallyDeferred())), null, DROPPED_WHEN_PARKED));
            }
        }
        for (Index index : live.indexes()) {
            if (index.unique() && mentions(index, parked) && (index.nullsNotDistinct() || index.keys().stream()
                    .anyMatch(k -> mentions(k, parked) && !k.startsWith(Identifiers.quote(parked))))) {
                drops.add("DROP INDEX " + Identifiers.qualify(table.schema(), index.name()));
                dependents.add(dependent("index", table, index.name(), Ddl.createIndex(table, renamed(index, parked,
                        original), false), null, DROPPED_WHEN_PARKED));
            }
        }
        for (ForeignKey fk : live.foreignKeys()) {
            if ("FULL".equals(fk.match()) && fk.columns().contains(parked)) {
                drops.add("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + Identifiers.quote(fk.name()));
                dependents.add(foreignKey(table, new ForeignKey(fk.name(), replace(fk.columns(), parked, original),
                        fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), fk.onUpdate(),
                        fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.validated()),
                        DROPPED_WHEN_PARKED));
            }
        }
        for (String drop : drops) {
            Jdbc.execute(c, drop);
        }
        // What earlier steps of this migration dropped (zanith generate drops indexes and constraints first).
        droppedEarlier(c, migration, table, original, live, earlier, dependents, DROPPED_EARLIER);
        dependents.sort(Comparator.comparingInt(d -> KIND_ORDER.indexOf(d.kind())));

        List<String> primaryKey = live.primaryKey() == null ? List.of() : live.primaryKey().columns();
        ArtifactDefinition d = new ArtifactDefinition(ArtifactDefinition.FORMAT, table.schema(), table.name(), parked,
                definition, null, primaryKey, List.of(), dedupe(dependents), notes);
        return new Artifacts.NewArtifact(id(migration.id(), ArtifactType.SOFT_DROP_COLUMN, table, original),
                migration.id(), stepIndex, ArtifactType.SOFT_DROP_COLUMN, table, original, parked, d, null, null, null,
                RecoveryScript.text(ArtifactType.SOFT_DROP_COLUMN, table, original, d));
    }

    /**
     * The column as it was before the drop: the type, collation, comment and identity the parked column still has,
     * NOT NULL and the default from the migration's before snapshot, else from the operation's definition.
     */
    private static Column original(String name, Column live, Column fromSnapshot, Column fromFile, List<String> notes) {
        Column base = fromSnapshot != null ? fromSnapshot : fromFile;
        if (base == null) {
            notes.add("NOT NULL and the default of " + name + " before the drop are unknown (not in the migration's "
                    + "before snapshot nor in the operation's definition): restore leaves it nullable, without a default");
            return new Column(name, live.type(), live.notNull() && live.identity() != null, null, live.identity(),
                    live.generated(), live.collation(), live.comment());
        }
        boolean plain = live.identity() == null && live.generated() == null;
        return new Column(name, live.type(), base.notNull(), plain ? base.defaultExpression() : null, live.identity(),
                live.generated(), live.collation(), live.comment());
    }

    // ---- archive_column -------------------------------------------------------------------------------------

    private Artifacts.NewArtifact archiveColumn(Connection c, Migration migration, int stepIndex, ArchiveColumn op,
                                                RenderContext context) throws SQLException {
        TableName table = op.table();
        String name = op.column();
        TableName archive = new TableName(context.archiveSchema(), context.archiveName(table.name(), name));
        Table archived = Introspector.readTable(c, archive).orElseThrow(() -> missing(op.summary(), archive.toString()));
        Column archivedColumn = archived.column(name).orElseThrow(() -> missing(op.summary(), archive + "." + name));
        Table live = Introspector.readTable(c, table).orElseThrow(() -> missing(op.summary(), table.toString()));
        Optional<Table> earlier = beforeTable(c, migration, table);
        List<String> notes = new ArrayList<>();
        Column base = earlier.flatMap(t -> t.column(name)).orElse(op.definition());
        Column definition;
        if (base == null) {
            notes.add("NOT NULL, the default and the collation of " + name + " before the drop are unknown (not in the "
                    + "migration's before snapshot nor in the operation's definition): restore adds it nullable, "
                    + "without a default");
            definition = new Column(name, archivedColumn.type(), false, null, null, null, archivedColumn.collation(), null);
        } else {
            definition = new Column(name, archivedColumn.type(), base.notNull(), base.defaultExpression(),
                    base.identity(), base.generated(), base.collation(), base.comment());
        }
        List<ArtifactDefinition.Dependent> dependents = new ArrayList<>();
        droppedEarlier(c, migration, table, name, live, earlier, dependents, DROPPED_WITH_COLUMN);
        dependents.sort(Comparator.comparingInt(d -> KIND_ORDER.indexOf(d.kind())));
        ArtifactDefinition d = new ArtifactDefinition(ArtifactDefinition.FORMAT, archive.schema(), archive.name(), null,
                definition, null, op.primaryKey(), List.of(), dedupe(dependents), notes);
        return new Artifacts.NewArtifact(id(migration.id(), ArtifactType.ARCHIVE_COLUMN, table, name), migration.id(),
                stepIndex, ArtifactType.ARCHIVE_COLUMN, table, name, archive.sql(), d, null, null,
                Catalog.size(c, archive).bytes(), RecoveryScript.text(ArtifactType.ARCHIVE_COLUMN, table, name, d));
    }

    // ---- soft_drop_table, archive_table ---------------------------------------------------------------------

    private Artifacts.NewArtifact parkedTable(Connection c, Migration migration, int stepIndex, ArtifactType type,
                                              TableName table, TableName parked, RenderContext context)
            throws SQLException {
        Table as = Introspector.readTable(c, parked).orElseThrow(() -> missing(type.id() + " of " + table,
                parked.toString()));
        List<ArtifactDefinition.RenamedObject> renamed = parkOwnedObjects(c, parked, context);
        ArtifactDefinition d = new ArtifactDefinition(ArtifactDefinition.FORMAT, parked.schema(), parked.name(), null,
                null, as.withName(table.schema(), table.name()), List.of(), renamed, List.of(), List.of());
        return new Artifacts.NewArtifact(id(migration.id(), type, table, null), migration.id(), stepIndex, type, table,
                null, parked.sql(), d, null, null, Catalog.size(c, parked).bytes(), RecoveryScript.text(type, table, null, d));
    }

    /**
     * Renames the table's indexes (index-backed constraints through the constraint) and owned sequences to
     * reserved names, so that they no longer occupy their names in the schema.
     */
    private static List<ArtifactDefinition.RenamedObject> parkOwnedObjects(Connection c, TableName table,
                                                                          RenderContext context) throws SQLException {
        List<ArtifactDefinition.RenamedObject> renamed = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Catalog.Owned owned : Catalog.owned(c, table)) {
            String target = context.parkedName(owned.name());
            for (int n = 2; taken.contains(owned.schema() + "." + target)
                    || Catalog.relationExists(c, new TableName(owned.schema(), target)); n++) {
                target = context.parkedName(n + "_" + owned.name());
            }
            taken.add(owned.schema() + "." + target);
            Jdbc.execute(c, switch (owned.kind()) {
                case "constraint" -> "ALTER TABLE " + table.sql() + " RENAME CONSTRAINT " + Identifiers.quote(owned.name())
                        + " TO " + Identifiers.quote(target);
                case "sequence" -> "ALTER SEQUENCE " + Identifiers.qualify(owned.schema(), owned.name()) + " RENAME TO "
                        + Identifiers.quote(target);
                default -> "ALTER INDEX " + Identifiers.qualify(owned.schema(), owned.name()) + " RENAME TO "
                        + Identifiers.quote(target);
            });
            renamed.add(new ArtifactDefinition.RenamedObject(owned.kind(), owned.schema(), owned.name(), target));
        }
        return renamed;
    }

    // ---- rebuild_table --------------------------------------------------------------------------------------

    private Artifacts.NewArtifact rebuildTable(Connection c, Migration migration, int stepIndex, RebuildTable op)
            throws SQLException {
        TableName table = op.table();
        Optional<Table> live = Introspector.readTable(c, table);
        if (live.isEmpty()) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        notes.add("forensic only: " + (op.orderByIndex() == null ? "VACUUM FULL" : "CLUSTER USING " + op.orderByIndex())
                + " rewrote every row and index in place without changing the schema; nothing to restore");
        ArtifactDefinition d = new ArtifactDefinition(ArtifactDefinition.FORMAT, table.schema(), table.name(), null, null,
                live.get(), List.of(), List.of(), List.of(), notes);
        Catalog.Size size = Catalog.size(c, table);
        return new Artifacts.NewArtifact(id(migration.id(), ArtifactType.REBUILD_TABLE, table, null), migration.id(),
                stepIndex, ArtifactType.REBUILD_TABLE, table, null, table.sql(), d, Checksums.sha256(ArtifactJson.write(live.get())),
                size.estimatedRows(), size.bytes(), RecoveryScript.text(ArtifactType.REBUILD_TABLE, table, null, d));
    }

    // ---- dependents -----------------------------------------------------------------------------------------

    /**
     * Indexes and constraints involving {@code column} in the before snapshot that no longer exist: earlier steps
     * dropped them (or DROP COLUMN did), so restore re-creates them. Foreign keys of other tables referencing the
     * column count too.
     */
    private void droppedEarlier(Connection c, Migration migration, TableName table, String column, Table live,
                                Optional<Table> earlier, List<ArtifactDefinition.Dependent> dependents, String origin)
            throws SQLException {
        if (earlier.isEmpty()) {
            return;
        }
        Table t = earlier.get();
        Set<String> present = new HashSet<>();
        if (live.primaryKey() != null) {
            present.add(live.primaryKey().name());
        }
        live.uniqueConstraints().forEach(u -> present.add(u.name()));
        live.checkConstraints().forEach(k -> present.add(k.name()));
        live.foreignKeys().forEach(f -> present.add(f.name()));
        live.indexes().forEach(i -> present.add(i.name()));
        PrimaryKey pk = t.primaryKey();
        if (pk != null && (pk.columns().contains(column) || pk.include().contains(column)) && !present.contains(pk.name())) {
            dependents.add(dependent("primaryKey", table, pk.name(), "ALTER TABLE " + table.sql() + " ADD "
                    + Ddl.primaryKey(pk), null, origin));
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            if ((u.columns().contains(column) || u.include().contains(column)) && !present.contains(u.name())) {
                dependents.add(dependent("unique", table, u.name(), "ALTER TABLE " + table.sql() + " ADD " + Ddl.unique(u),
                        null, origin));
            }
        }
        for (Index index : t.indexes()) {
            if (mentions(index, column) && !present.contains(index.name())) {
                dependents.add(dependent("index", table, index.name(), Ddl.createIndex(table, index.asValid(), false), null,
                        origin));
            }
        }
        for (CheckConstraint check : t.checkConstraints()) {
            if (mentions(check.expression(), column) && !present.contains(check.name())) {
                dependents.add(check(table, check, origin));
            }
        }
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.columns().contains(column) && !present.contains(fk.name())) {
                dependents.add(foreignKey(table, fk, origin));
            }
        }
        for (Table other : beforeGraph(c, migration).map(SchemaGraph::tables).orElse(List.of())) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (fk.referenced().equals(table) && fk.referencedColumns().contains(column)
                        && !(other.qualifiedName().equals(table) && fk.columns().contains(column))
                        && !Catalog.constraintExists(c, other.qualifiedName(), fk.name())) {
                    dependents.add(foreignKey(other.qualifiedName(), fk, origin));
                }
            }
        }
    }

    private static ArtifactDefinition.Dependent check(TableName table, CheckConstraint check, String origin) {
        String add = "ALTER TABLE " + table.sql() + " ADD ";
        return dependent("check", table, check.name(), add + Ddl.check(check, !check.validated()),
                check.validated() ? add + Ddl.check(check, true) : null, origin);
    }

    private static ArtifactDefinition.Dependent foreignKey(TableName table, ForeignKey fk, String origin) {
        String add = "ALTER TABLE " + table.sql() + " ADD ";
        return dependent("foreignKey", table, fk.name(), add + Ddl.foreignKey(fk, !fk.validated()),
                fk.validated() ? add + Ddl.foreignKey(fk, true) : null, origin);
    }

    private static ArtifactDefinition.Dependent dependent(String kind, TableName table, String name, String sql,
                                                          String fallback, String origin) {
        return new ArtifactDefinition.Dependent(kind, table.sql(), name, sql, fallback, origin);
    }

    private static List<ArtifactDefinition.Dependent> dedupe(List<ArtifactDefinition.Dependent> dependents) {
        Map<String, ArtifactDefinition.Dependent> byName = new LinkedHashMap<>();
        for (ArtifactDefinition.Dependent d : dependents) {
            byName.putIfAbsent(d.table() + "/" + d.name(), d);
        }
        return List.copyOf(byName.values());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static boolean mentions(String expression, String column) {
        return expression != null && Expressions.renameIdentifier(expression, column, "\u0000").contains("\u0000");
    }

    private static boolean mentions(Index index, String column) {
        return index.include().contains(column) || mentions(index.predicate(), column)
                || index.keys().stream().anyMatch(k -> mentions(k, column));
    }

    private static Index renamed(Index index, String from, String to) {
        return new Index(index.name(), index.unique(), index.method(),
                index.keys().stream().map(k -> Expressions.renameIdentifier(k, from, to)).toList(),
                replace(index.include(), from, to), index.nullsNotDistinct(),
                Expressions.renameIdentifier(index.predicate(), from, to), index.storageParameters(), true);
    }

    private static List<String> replace(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    private Optional<SchemaGraph> beforeGraph(Connection c, String migrationId) throws SQLException {
        if (!before.containsKey(migrationId)) {
            before.put(migrationId, snapshots.find(c, migrationId, SnapshotPhase.BEFORE).map(Snapshot::graph));
        }
        return before.get(migrationId);
    }

    private Optional<SchemaGraph> beforeGraph(Connection c, Migration migration) throws SQLException {
        return beforeGraph(c, migration.id());
    }

    private Optional<Table> beforeTable(Connection c, Migration migration, TableName table) throws SQLException {
        return beforeGraph(c, migration).flatMap(g -> g.table(table));
    }

    private static ZanithException missing(String step, String what) {
        return new ZanithException("Cannot record the recovery artifact of \"" + step + "\": " + what + " is not there "
                + "after the step ran. The step is rolled back; check that nothing else changes the table meanwhile "
                + "and run apply again.");
    }
}
