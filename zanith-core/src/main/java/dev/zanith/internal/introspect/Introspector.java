package dev.zanith.internal.introspect;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.Extension;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.GeneratedColumn;
import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TableStatistics;
import dev.zanith.api.schema.UniqueConstraint;
import dev.zanith.api.schema.View;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Reads a live database into a {@link SchemaGraph} with one catalog query per object kind (never one per
 * table), all in one consistent snapshot, with only {@code pg_catalog} on the search path so every type and
 * expression comes out schema-qualified and comparable across databases.
 */
public final class Introspector {

    /**
     * Qualified names everywhere (only pg_catalog on the search path) and no JIT: the catalog queries' cost
     * estimates pass JIT thresholds at scale, and compiling them costs more than running them.
     */
    private static final String SESSION = "SELECT set_config('search_path', ?, true), set_config('jit', ?, true)";

    /** sequences.sql's scope for some tables: the sequences its {@code wanted} CTE finds from their oids. */
    private static final String SCOPED_SEQUENCES = "s.seqrelid = ANY (ARRAY(SELECT w.seqrelid FROM wanted w))";

    private final IntrospectionOptions options;

    public Introspector(IntrospectionOptions options) {
        this.options = options;
    }

    public IntrospectionOptions options() {
        return options;
    }

    /**
     * Introspects the database behind {@code connection}. With auto-commit on, runs in its own read-only
     * REPEATABLE READ transaction; otherwise inside the caller's transaction, leaving its settings as found.
     */
    public LiveSchema introspect(Connection connection) throws SQLException {
        return inSnapshot(connection, c -> readAll(c).live());
    }

    /**
     * Introspects as {@link #introspect} does and reads the catalog versions in the same snapshot, so that
     * {@link #refresh} can later re-read only what changed.
     */
    public TrackedSchema introspectTracked(Connection connection) throws SQLException {
        return inSnapshot(connection, c -> {
            FullRead full = readAll(c);
            return new TrackedSchema(full.live().graph(), full.byOid(), readVersions(c), 1);
        });
    }

    /**
     * The schema graph now, derived from {@code previous} by re-reading only the tables whose catalog rows changed
     * since it was read (new or changed tables, tables referencing a changed or removed table, and tables with
     * policies, whose expressions may name other tables). Falls back to a full read when something schema-wide
     * changed (a schema, extension, type, function, collation or role), or a table or sequence was renamed, soft
     * dropped or restored. The result equals what {@link #introspect} reads at the same moment. Transactions as for
     * {@link #introspect}.
     * <p>
     * The cost follows the change, not the schema: the catalog versions are order-independent aggregates (no text
     * built, hashed or sorted per catalog row) read with the server version in one round trip; the grants, comments,
     * triggers and owned sequences of the re-read tables are read for those tables alone and every other one kept,
     * unless the attachments version (sequences, the comments and privileges no table's version covers) changed,
     * which reads them whole again. The views are read again (whole) only when the attachments version, which
     * covers their own catalog rows, changed or one of them reads a changed table: their text spells its columns.
     *
     * @param previous a reading by {@link #introspectTracked} or an earlier refresh, with the same options
     */
    public TrackedSchema refresh(Connection connection, TrackedSchema previous) throws SQLException {
        return refresh(connection, previous, null);
    }

    /**
     * {@link #refresh(Connection, TrackedSchema)} after changes observed by {@code changes}: when they are
     * {@linkplain CatalogChanges#covered() covered}, only the tables they may have touched have their version read
     * again ({@code introspect/catalog-versions-scope.sql}), every other one keeps its earlier version, and the
     * tables' share of the refresh no longer reads every table's catalog rows; likewise only the parts of the
     * schema-wide versions they may have changed are computed again ({@link CatalogParts}), and the names of the
     * sequences they touched read again. When schema-wide objects changed (a
     * full read follows anyway) or {@code changes} is null or not covered, as {@link #refresh(Connection,
     * TrackedSchema)}.
     *
     * @param changes what the transactions since {@code previous} changed, or null when not observed
     */
    public TrackedSchema refresh(Connection connection, TrackedSchema previous, CatalogChanges changes)
            throws SQLException {
        return inSnapshot(connection, c -> {
            CatalogVersions before = previous.versions();
            boolean observed = changes != null && changes.covered();
            VersionsAndServer read = observed
                    ? readVersionsAndServer(c, scope(c, previous, changes), changes, before)
                    : readVersionsAndServer(c);
            if (observed && !read.versions().global().equals(before.global())) {
                read = readVersionsAndServer(c); // everything is read again: with every table's version
            }
            CatalogVersions now = read.versions();
            if (now.equals(before)) {
                if (!viewsStale(previous.graph(), before, now)) {
                    return previous;
                }
                // A view reads a relation no version covers (a foreign table, another schema's): read them again.
                List<View> views = ViewCatalog.read(c, previous.graph().schemas(), options.excludedPrefix(),
                        read.server());
                return views.equals(previous.graph().views()) ? previous : new TrackedSchema(
                        previous.graph().withViews(views), previous.tablesByOid(), now, previous.fullReads());
            }
            if (!now.global().equals(before.global()) || renamed(before, now)) {
                FullRead full = readAll(c);
                return new TrackedSchema(full.live().graph(), full.byOid(), now, previous.fullReads() + 1);
            }
            return readChanged(c, previous, now, read.server());
        });
    }

    /**
     * Whether the views may differ from {@code old}'s: the attachments version (which covers the views' own catalog
     * rows) changed, or a view reads a table whose version changed or that is gone (a view's text spells the columns
     * it reads), or a relation no version covers (a foreign table, a table of another schema), which is then read
     * again every time, as before versions covered views.
     */
    private static boolean viewsStale(SchemaGraph old, CatalogVersions before, CatalogVersions now) {
        if (old.views().isEmpty() && now.attachments().equals(before.attachments())) {
            return false;
        }
        if (!now.attachments().equals(before.attachments())) {
            return true;
        }
        Set<TableName> known = new java.util.HashSet<>();
        Set<TableName> changed = new java.util.HashSet<>();
        before.tables().forEach((oid, version) -> {
            TableName name = new TableName(version.schema(), version.name());
            known.add(name);
            if (!version.equals(now.tables().get(oid))) {
                changed.add(name);
            }
        });
        now.tables().forEach((oid, version) -> {
            TableName name = new TableName(version.schema(), version.name());
            known.add(name);
            if (!version.equals(before.tables().get(oid))) {
                changed.add(name);
            }
        });
        old.views().forEach(view -> known.add(new TableName(view.schema(), view.name())));
        return old.views().stream().flatMap(view -> view.dependsOn().stream())
                .map(View.ViewDependency::relation)
                .anyMatch(relation -> changed.contains(relation) || !known.contains(relation));
    }

    private static boolean renamed(CatalogVersions before, CatalogVersions now) {
        for (Map.Entry<Long, CatalogVersions.TableVersion> entry : now.tables().entrySet()) {
            CatalogVersions.TableVersion earlier = before.tables().get(entry.getKey());
            if (earlier != null && !earlier.sameIdentity(entry.getValue())) {
                return true;
            }
        }
        for (Map.Entry<Long, String> entry : now.sequences().entrySet()) {
            String earlier = before.sequences().get(entry.getKey());
            if (earlier != null && !earlier.equals(entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    private TrackedSchema readChanged(Connection c, TrackedSchema previous, CatalogVersions now, ServerVersion server)
            throws SQLException {
        CatalogVersions before = previous.versions();
        Set<Long> visible = new java.util.LinkedHashSet<>();
        now.tables().forEach((oid, version) -> {
            if (!version.hidden()) {
                visible.add(oid);
            }
        });
        Set<Long> reread = new java.util.HashSet<>();
        Set<TableName> touched = new java.util.HashSet<>();
        for (long oid : visible) {
            CatalogVersions.TableVersion earlier = before.tables().get(oid);
            CatalogVersions.TableVersion current = now.tables().get(oid);
            if (earlier == null || !earlier.version().equals(current.version()) || !previous.tablesByOid().containsKey(oid)) {
                reread.add(oid);
                touched.add(new TableName(current.schema(), current.name()));
            }
        }
        for (Map.Entry<Long, Table> entry : previous.tablesByOid().entrySet()) {
            if (!visible.contains(entry.getKey())) {
                touched.add(new TableName(entry.getValue().schema(), entry.getValue().name())); // dropped
            }
        }
        if (!touched.isEmpty()) {
            for (Map.Entry<Long, Table> entry : previous.tablesByOid().entrySet()) {
                Table table = entry.getValue();
                boolean references = table.foreignKeys().stream().anyMatch(fk ->
                        touched.contains(new TableName(fk.referencedSchema(), fk.referencedTable())));
                // A policy's expressions may name any table or column: re-read them whenever anything changed.
                if ((references || !table.policies().isEmpty()) && visible.contains(entry.getKey())) {
                    reread.add(entry.getKey());
                }
            }
        }
        Map<Long, TableParts> parts = new LinkedHashMap<>();
        Map<String, SequenceOptions> identityOptions = new HashMap<>();
        List<String> schemas = previous.graph().schemas();
        if (!reread.isEmpty()) {
            Object oids = Jdbc.longArray(c, new ArrayList<>(reread));
            // One round trip: the tables first, then what each of them holds.
            Jdbc.Batch batch = new Jdbc.Batch().add(SqlResources.get("introspect/tables-by-oid.sql"), rs -> {
                parts.put(rs.getLong("table_oid"), new TableParts(rs));
                return null;
            }, oids);
            readTableParts(batch, oids, parts, versionGates(server), options.excludedPrefix());
            batch.run(c);
            PartitionCatalog.read(c, parts);
        }
        // What the re-read tables own or carry (grants, comments, triggers, owned sequences) is read for them alone
        // and the rest kept, as long as nothing outside the tables' versions changed: the attachments version
        // covers the sequences, the other comments and what else grants and comments depend on.
        SchemaGraph old = previous.graph();
        boolean attachmentsSame = now.attachments().equals(before.attachments());
        TableScope scope = TableScope.of(reread);
        Set<TableName> replaced = new java.util.HashSet<>(touched);
        Set<TableName> replacedIndexes = new java.util.HashSet<>();
        for (long oid : reread) {
            CatalogVersions.TableVersion current = now.tables().get(oid);
            replaced.add(new TableName(current.schema(), current.name()));
        }
        previous.tablesByOid().forEach((oid, table) -> {
            if (reread.contains(oid) || !visible.contains(oid)) {
                table.indexes().forEach(index -> replacedIndexes.add(new TableName(table.schema(), index.name())));
            }
        });
        List<Sequence> sequences = new ArrayList<>();
        if (attachmentsSame) {
            // Sequences themselves are as before; which of them the graph shows, and as owned by which column,
            // may have changed only for those owned (now or before) by a replaced table.
            Map<String, Long> sequenceOids = new HashMap<>();
            now.sequences().forEach((oid, name) -> sequenceOids.put(name, oid));
            List<Long> formerlyOwned = new ArrayList<>();
            for (Sequence sequence : old.sequences()) {
                if (sequence.ownedByTable() != null
                        && replaced.contains(new TableName(sequence.schema(), sequence.ownedByTable()))) {
                    Long oid = sequenceOids.get(sequence.schema() + "." + sequence.name());
                    if (oid != null) {
                        formerlyOwned.add(oid);
                    }
                } else {
                    sequences.add(sequence);
                }
            }
            List<Sequence> fresh = new ArrayList<>();
            if (!reread.isEmpty() || !formerlyOwned.isEmpty()) {
                readSequences(c, schemas, visible, fresh, identityOptions, false, new ArrayList<>(reread),
                        formerlyOwned);
            }
            Set<String> freshNames = new java.util.HashSet<>();
            fresh.forEach(sequence -> freshNames.add(sequence.schema() + "." + sequence.name()));
            sequences.removeIf(sequence -> freshNames.contains(sequence.schema() + "." + sequence.name()));
            sequences.addAll(fresh);
        } else {
            readSequences(c, schemas, visible, sequences, identityOptions, true, List.of(), List.of());
        }
        Map<Long, Table> byOid = new HashMap<>();
        List<Table> tables = new ArrayList<>(visible.size());
        for (long oid : visible) {
            TableParts fresh = parts.get(oid);
            Table table = fresh != null ? fresh.build(oid, identityOptions, options.excludedPrefix())
                    : previous.tablesByOid().get(oid);
            byOid.put(oid, table);
            tables.add(table);
        }
        // Triggers are a table's catalog rows (in its version): those of the re-read tables are read again.
        List<dev.zanith.api.schema.Trigger> triggers = new ArrayList<>();
        old.triggers().forEach(trigger -> {
            if (!replaced.contains(new TableName(trigger.schema(), trigger.table()))) {
                triggers.add(trigger);
            }
        });
        if (!reread.isEmpty()) {
            triggers.addAll(RoutineCatalog.triggers(c, schemas, options.excludedPrefix(), scope));
        }
        // Types change only with the global version (a full read); exclusion constraints and statistics are re-read,
        // and so are the views when they may have changed (viewsStale). Routines and event triggers are schema-wide
        // (a change reads everything again).
        SchemaGraph graph = TypeCatalog.tableObjects(c, new SchemaGraph(schemas, old.extensions(), old.enums(),
                        sequences, tables).withDomains(old.domains()).withCompositeTypes(old.compositeTypes())
                        .withRangeTypes(old.rangeTypes()), schemas, options.excludedPrefix())
                .withViews(viewsStale(old, before, now)
                        ? ViewCatalog.read(c, schemas, options.excludedPrefix(), server) : old.views())
                .withRoutines(old.routines())
                .withTriggers(triggers)
                .withEventTriggers(old.eventTriggers());
        // Whether a sequence's grants and comments are kept depends on the graph holding it (GraphAttachments): when
        // the graph's sequences changed, those pruned earlier may be due again.
        graph = attachmentsSame && sequenceNames(graph).equals(sequenceNames(old))
                ? PrivilegeCatalog.reattach(c, graph, old, scope, replaced, replacedIndexes, options.excludedPrefix())
                : PrivilegeCatalog.attach(c, graph, options.excludedPrefix());
        return new TrackedSchema(graph, byOid, now, previous.fullReads());
    }

    private static List<String> sequenceNames(SchemaGraph graph) {
        return graph.sequences().stream().map(sequence -> sequence.schema() + "." + sequence.name()).toList();
    }

    private CatalogVersions readVersions(Connection c) throws SQLException {
        return readVersionsAndServer(c).versions();
    }

    private record VersionsAndServer(CatalogVersions versions, ServerVersion server) {
    }

    /**
     * The catalog versions and the server version, in one round trip (up to five small queries sent together): a refresh
     * runs them every time, and on a busy server each round trip costs about as much as the smaller queries.
     */
    private VersionsAndServer readVersionsAndServer(Connection c) throws SQLException {
        return readVersionsAndServer(c, null, null, null);
    }

    /**
     * The tables {@code changes} may have touched since {@code previous}: those of {@code catalog-versions-scope.sql}
     * (present ones only), and the owners, as {@code previous} knew them, of locked sequences that are gone (dropping
     * an owned sequence need not lock its table, yet it leaves the table's rows).
     */
    CatalogParts.Scope scope(Connection c, TrackedSchema previous, CatalogChanges changes) throws SQLException {
        CatalogParts.Scope.Builder tables = new CatalogParts.Scope.Builder();
        Jdbc.query(c, SqlResources.get("introspect/catalog-versions-scope.sql"), rs -> {
            tables.add(rs);
            return null;
        }, TableScope.concat(changes.scopeParameters(c), Jdbc.textArray(c, options.schemas())));
        Map<TableName, Long> tableOids = new HashMap<>();
        previous.versions().tables().forEach((oid, version) ->
                tableOids.put(new TableName(version.schema(), version.name()), oid));
        for (long relation : changes.lockedRelations()) {
            String sequence = previous.versions().sequences().get(relation);
            if (sequence == null) {
                continue;
            }
            for (Sequence known : previous.graph().sequences()) {
                if (known.ownedByTable() != null && sequence.equals(known.schema() + "." + known.name())) {
                    Long owner = tableOids.get(new TableName(known.schema(), known.ownedByTable()));
                    if (owner != null) {
                        tables.table(owner);
                    }
                }
            }
        }
        return tables.build();
    }

    /**
     * As {@link #readVersionsAndServer(Connection)}; with a {@code scope} (not null), the versions of its tables
     * only are read and the others of {@code previous} kept, except those {@code changes} locked (gone unless read
     * again); likewise only the parts of the schema-wide versions and the sequence names {@code changes} may have
     * changed ({@link CatalogParts}).
     */
    private VersionsAndServer readVersionsAndServer(Connection c, CatalogParts.Scope scope, CatalogChanges changes,
                                                    CatalogVersions previous) throws SQLException {
        Object schemas = Jdbc.textArray(c, options.schemas());
        boolean scoped = scope != null;
        String tablesSql = SqlResources.render("introspect/catalog-versions-tables.sql",
                Map.of("scope", scoped ? "c.oid = ANY (?::bigint[])" : "TRUE"));
        Object[] tablesParameters = scoped
                ? new Object[]{schemas, Jdbc.longArray(c, new ArrayList<>(scope.tables())), options.excludedPrefix()}
                : new Object[]{schemas, options.excludedPrefix()};
        boolean allSequences = !scoped || CatalogParts.allSequenceNames(changes);
        String sequencesSql = SqlResources.render("introspect/catalog-versions-sequences.sql",
                Map.of("scope", allSequences ? "TRUE" : "c.oid = ANY (?::bigint[])"));
        Object[] sequencesParameters = allSequences ? new Object[]{schemas}
                : new Object[]{schemas, Jdbc.longArray(c, new ArrayList<>(scope.sequences()))};
        List<Integer> globalParts = scoped ? CatalogParts.global(changes, scope) : CatalogParts.ALL_GLOBAL;
        List<Integer> attachmentParts = scoped ? CatalogParts.attachments(changes, scope)
                : CatalogParts.ALL_ATTACHMENTS;
        Map<Long, CatalogVersions.TableVersion> tables = new HashMap<>();
        Map<Long, String> sequences = new HashMap<>();
        Map<Integer, String> global = new HashMap<>();
        Map<Integer, String> attachments = new HashMap<>();
        if (scoped) {
            // the earlier readings, less what is read again below (and locked relations, gone unless read again)
            tables.putAll(previous.tables());
            tables.keySet().removeAll(changes.lockedRelations());
            tables.keySet().removeAll(scope.tables());
            if (!allSequences) {
                sequences.putAll(previous.sequences());
                sequences.keySet().removeAll(changes.lockedRelations());
                sequences.keySet().removeAll(scope.sequences());
            }
            global.putAll(previous.global());
            global.keySet().removeAll(globalParts);
            attachments.putAll(previous.attachments());
            attachments.keySet().removeAll(attachmentParts);
        }
        // A schema-wide version with no part to compute is not queried at all (its planning alone costs a millisecond).
        Jdbc.Batch batch = new Jdbc.Batch();
        if (!globalParts.isEmpty()) {
            batch.add(SqlResources.get("introspect/catalog-versions-global.sql"),
                    rs -> global.put(rs.getInt("part"), rs.getString("version")), parts(c, globalParts), schemas);
        }
        batch.add(tablesSql, rs -> tables.put(rs.getLong("table_oid"), new CatalogVersions.TableVersion(
                rs.getString("schema_name"), rs.getString("table_name"), rs.getBoolean("hidden"),
                rs.getString("version"))), tablesParameters);
        batch.add(sequencesSql, rs -> sequences.put(rs.getLong("sequence_oid"), rs.getString("sequence_name")),
                sequencesParameters);
        if (!attachmentParts.isEmpty()) {
            batch.add(SqlResources.get("introspect/catalog-versions-attachments.sql"),
                    rs -> attachments.put(rs.getInt("part"), rs.getString("version")), parts(c, attachmentParts),
                    schemas);
        }
        List<ServerVersion> server = new ArrayList<>(1);
        batch.add(SqlResources.get("introspect/server.sql"),
                rs -> server.add(new ServerVersion(rs.getInt("version_num"))));
        batch.run(c);
        return new VersionsAndServer(new CatalogVersions(global, tables, sequences, attachments), server.get(0));
    }

    private static Object parts(Connection c, List<Integer> parts) throws SQLException {
        return Jdbc.longArray(c, parts.stream().map(Integer::longValue).toList());
    }

    /**
     * Runs {@code work} in one snapshot: with auto-commit on, in its own read-only REPEATABLE READ transaction;
     * otherwise inside the caller's transaction, leaving its settings as found.
     */
    private static <T> T inSnapshot(Connection connection, Jdbc.SqlWork<T> work) throws SQLException {
        if (connection.getAutoCommit()) {
            return Jdbc.rolledBack(connection, c -> {
                Jdbc.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                Jdbc.query(c, SESSION, rs -> null, "pg_catalog", "off");
                return work.run(c);
            });
        }
        String[] previous = Jdbc.queryFirst(connection, "SELECT current_setting('search_path'), current_setting('jit')",
                rs -> new String[]{rs.getString(1), rs.getString(2)}).orElseThrow();
        Jdbc.query(connection, SESSION, rs -> null, "pg_catalog", "off");
        try {
            return work.run(connection);
        } finally {
            Jdbc.query(connection, SESSION, rs -> null, previous[0], previous[1]);
        }
    }

    /**
     * Reads one table exactly as it is, hiding nothing: parked (prefix-named) columns and the indexes and
     * constraints on them included, and whatever its own name. For Zanith's recovery bookkeeping, which must see
     * what introspection hides. With auto-commit on, runs in its own read-only transaction; otherwise inside the
     * caller's, leaving its settings as found.
     *
     * @return the table, or empty when {@code name} is not an ordinary table
     */
    public static Optional<Table> readTable(Connection connection, TableName name) throws SQLException {
        if (connection.getAutoCommit()) {
            return Jdbc.rolledBack(connection, c -> {
                Jdbc.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                Jdbc.query(c, "SELECT set_config('search_path', 'pg_catalog', true)", rs -> null);
                return readOneTable(c, name);
            });
        }
        String searchPath = Jdbc.queryFirst(connection, "SELECT current_setting('search_path')", rs -> rs.getString(1))
                .orElse("");
        Jdbc.query(connection, "SELECT set_config('search_path', 'pg_catalog', true)", rs -> null);
        try {
            return readOneTable(connection, name);
        } finally {
            Jdbc.query(connection, "SELECT set_config('search_path', ?, true)", rs -> null, searchPath);
        }
    }

    private static Optional<Table> readOneTable(Connection c, TableName name) throws SQLException {
        Map<Long, TableParts> tables = new LinkedHashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/table-by-name.sql"), rs -> {
            tables.put(rs.getLong("table_oid"), new TableParts(rs));
            return null;
        }, name.schema(), name.name());
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        long oid = tables.keySet().iterator().next();
        Object oids = Jdbc.longArray(c, List.of(oid));
        Map<String, String> gates = versionGates(new ServerVersion(Jdbc.queryFirst(c,
                SqlResources.get("introspect/server.sql"), rs -> rs.getInt("version_num")).orElseThrow()));
        Jdbc.Batch batch = new Jdbc.Batch();
        readTableParts(batch, oids, tables, gates, "");
        batch.run(c);
        PartitionCatalog.read(c, tables);
        Map<String, SequenceOptions> identityOptions = new HashMap<>();
        Jdbc.query(c, SqlResources.render("introspect/sequences.sql", Map.of("scope", SCOPED_SEQUENCES)), rs -> {
            if ("i".equals(rs.getString("owner_dependency")) && rs.getLong("owner_table_oid") == oid) {
                identityOptions.put(oid + "/" + rs.getString("owner_column"), new SequenceOptions(
                        rs.getString("data_type"), rs.getLong("start_value"), rs.getLong("increment_by"),
                        rs.getLong("min_value"), rs.getLong("max_value"), rs.getLong("cache_size"),
                        rs.getBoolean("cycle")));
            }
            return null;
        }, Jdbc.longArray(c, List.of(oid)), Jdbc.longArray(c, List.of()), Jdbc.textArray(c, List.of(name.schema())));
        return Optional.of(tables.get(oid).build(oid, identityOptions, ""));
    }

    /** Catalog columns that exist only from some version on, as the SQL resources' placeholders. */
    static Map<String, String> versionGates(ServerVersion version) {
        return Map.of("nulls_not_distinct", version.atLeast(15) ? "i.indnullsnotdistinct" : "false");
    }

    private record FullRead(LiveSchema live, Map<Long, Table> byOid) {
    }

    private FullRead readAll(Connection c) throws SQLException {
        record Server(int version, String database) {
        }
        Server server = Jdbc.queryFirst(c, SqlResources.get("introspect/server.sql"),
                rs -> new Server(rs.getInt("version_num"), rs.getString("database_name"))).orElseThrow();
        ServerVersion version = new ServerVersion(server.version());
        if (!version.atLeast(ServerVersion.MINIMUM_MAJOR)) {
            throw new ZanithException("PostgreSQL " + version + " is not supported (database " + server.database()
                    + "); Zanith needs PostgreSQL " + ServerVersion.MINIMUM_MAJOR + " or newer.");
        }

        List<String> schemas = Jdbc.query(c, SqlResources.get("introspect/schemas.sql"),
                rs -> rs.getString("schema_name"), Jdbc.textArray(c, options.schemas()));
        List<String> missing = options.schemas().stream().filter(s -> !schemas.contains(s)).toList();
        if (!missing.isEmpty() && !options.skipMissingSchemas()) {
            throw new ZanithException("Schema " + String.join(", ", missing) + " does not exist in database "
                    + server.database() + ". Check --schemas (known here: " + String.join(", ", knownSchemas(c))
                    + ").");
        }

        List<Extension> extensions = Jdbc.query(c, SqlResources.get("introspect/extensions.sql"),
                rs -> new Extension(rs.getString("extension_name"), rs.getString("schema_name"),
                        rs.getString("version")));
        List<EnumType> enums = Jdbc.query(c, SqlResources.get("introspect/enums.sql"),
                rs -> new EnumType(rs.getString("schema_name"), rs.getString("enum_name"),
                        Jdbc.strings(rs, "enum_values"), rs.getString("comment")),
                Jdbc.textArray(c, schemas));

        Map<Long, TableParts> tables = new LinkedHashMap<>();
        Map<TableName, TableStatistics> statistics = new HashMap<>();
        Jdbc.query(c, SqlResources.get("introspect/tables.sql"), rs -> {
            TableParts parts = new TableParts(rs);
            tables.put(rs.getLong("table_oid"), parts);
            statistics.put(new TableName(parts.schema, parts.name),
                    new TableStatistics(rs.getLong("estimated_rows"), rs.getLong("total_bytes")));
            return null;
        }, options.excludedPrefix(), Jdbc.textArray(c, schemas));

        List<Sequence> sequences = new ArrayList<>();
        Map<String, SequenceOptions> identityOptions = new HashMap<>();
        if (!tables.isEmpty()) {
            Object oids = Jdbc.longArray(c, new ArrayList<>(tables.keySet()));
            Jdbc.Batch batch = new Jdbc.Batch();
            readTableParts(batch, oids, tables, versionGates(version), options.excludedPrefix());
            batch.run(c);
            PartitionCatalog.read(c, tables);
        }
        readSequences(c, schemas, tables.keySet(), sequences, identityOptions, true, List.of(), List.of());

        List<Table> built = new ArrayList<>(tables.size());
        Map<Long, Table> byOid = new HashMap<>();
        for (Map.Entry<Long, TableParts> entry : tables.entrySet()) {
            Table table = entry.getValue().build(entry.getKey(), identityOptions, options.excludedPrefix());
            built.add(table);
            byOid.put(entry.getKey(), table);
        }
        SchemaGraph graph = PrivilegeCatalog.attach(c, TypeCatalog.read(c, new SchemaGraph(schemas, extensions, enums, sequences, built), schemas,
                options.excludedPrefix()).withViews(ViewCatalog.read(c, schemas, options.excludedPrefix(), version))
                .withRoutines(RoutineCatalog.routines(c, schemas))
                .withTriggers(RoutineCatalog.triggers(c, schemas, options.excludedPrefix()))
                .withEventTriggers(RoutineCatalog.eventTriggers(c, schemas)), options.excludedPrefix());
        return new FullRead(new LiveSchema(server.database(), version, graph, statistics), byOid);
    }

    /**
     * Reads the sequences of {@code schemas}: the identity options of the included tables' identity columns go into
     * {@code identityOptions} (key {@code oid/column}), every other sequence not owned by a parked column into
     * {@code sequences}.
     */
    private void readSequences(Connection c, List<String> schemas, Set<Long> includedTables, List<Sequence> sequences,
                               Map<String, SequenceOptions> identityOptions, boolean everything, List<Long> owners,
                               List<Long> alsoSequences) throws SQLException {
        String sql = SqlResources.render("introspect/sequences.sql",
                Map.of("scope", everything ? "TRUE" : SCOPED_SEQUENCES));
        Jdbc.query(c, sql, rs -> {
            SequenceOptions seqOptions = new SequenceOptions(rs.getString("data_type"), rs.getLong("start_value"),
                    rs.getLong("increment_by"), rs.getLong("min_value"), rs.getLong("max_value"),
                    rs.getLong("cache_size"), rs.getBoolean("cycle"));
            String dependency = rs.getString("owner_dependency");
            long owner = rs.getLong("owner_table_oid");
            String ownerColumn = rs.getString("owner_column");
            // A sequence owned by a parked (soft-dropped) column belongs to Zanith, like the column.
            boolean ownerIncluded = dependency != null && includedTables.contains(owner)
                    && (options.excludedPrefix().isEmpty() || ownerColumn == null
                    || !ownerColumn.startsWith(options.excludedPrefix()));
            boolean ownerParked = dependency != null && includedTables.contains(owner) && !ownerIncluded;
            if ("i".equals(dependency)) {
                if (ownerIncluded) {
                    identityOptions.put(owner + "/" + rs.getString("owner_column"), seqOptions);
                }
            } else if (!ownerParked && (dependency == null || ownerIncluded)) {
                sequences.add(new Sequence(rs.getString("schema_name"), rs.getString("sequence_name"), seqOptions,
                        ownerIncluded ? rs.getString("owner_table") : null,
                        ownerIncluded ? rs.getString("owner_column") : null));
            }
            return null;
        }, Jdbc.longArray(c, owners), Jdbc.longArray(c, alsoSequences), Jdbc.textArray(c, schemas));
    }

    /**
     * The types (element types for arrays) of the columns Zanith has parked under {@code options.excludedPrefix()}
     * in {@code options.schemas()}, spelled as the graph spells column types ({@code public.mood}); empty without a
     * prefix. The differ keeps these types, which the graph cannot show since parked columns are left out of it.
     */
    public Set<String> parkedTypes(Connection c) throws SQLException {
        if (options.excludedPrefix().isEmpty()) {
            return Set.of();
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Jdbc.query(c, "SELECT set_config('search_path', 'pg_catalog', true)", rs -> null);
            return new java.util.TreeSet<>(Jdbc.query(c, SqlResources.get("introspect/parked-types.sql"),
                    rs -> rs.getString("type_name"), Jdbc.textArray(c, options.schemas()), options.excludedPrefix(),
                    options.excludedPrefix()));
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** Every schema of the database but PostgreSQL's own ({@code pg_*}, {@code information_schema}), sorted. */
    public static List<String> userSchemas(Connection c) throws SQLException {
        return knownSchemas(c);
    }

    private static List<String> knownSchemas(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' "
                + "AND nspname <> 'information_schema' ORDER BY 1", rs -> rs.getString(1));
    }

    /**
     * Adds the reads of the columns, constraints, indexes and policies of the tables {@code oids} to {@code batch};
     * with a {@code prefix}, what covers parked columns is left out.
     */
    private static void readTableParts(Jdbc.Batch batch, Object oids, Map<Long, TableParts> tables,
                                       Map<String, String> gates, String prefix) {
        readColumns(batch, oids, tables);
        readConstraints(batch, oids, tables, gates, prefix);
        readIndexes(batch, oids, tables, gates, prefix);
        readPolicies(batch, oids, tables);
    }

    private static void readColumns(Jdbc.Batch batch, Object oids, Map<Long, TableParts> tables) {
        batch.add(SqlResources.get("introspect/columns.sql"), rs -> {
            TableParts table = tables.get(rs.getLong("table_oid"));
            String identity = rs.getString("identity");
            String generated = rs.getString("generated");
            String expression = rs.getString("expression");
            boolean isGenerated = generated != null && !generated.isEmpty();
            table.columns.add(new RawColumn(rs.getString("column_name"), rs.getString("data_type"),
                    rs.getBoolean("not_null"), isGenerated ? null : expression,
                    identity == null || identity.isEmpty() ? null
                            : "a".equals(identity) ? Identity.Generation.ALWAYS : Identity.Generation.BY_DEFAULT,
                    isGenerated ? new GeneratedColumn(expression, "s".equals(generated)) : null,
                    rs.getString("collation_name"), rs.getString("comment")));
            return null;
        }, oids);
    }

    /** Reads constraints; with a prefix, those on parked columns or referencing parked tables are Zanith's: left out. */
    private static void readConstraints(Jdbc.Batch batch, Object oids, Map<Long, TableParts> tables,
                                        Map<String, String> gates, String prefix) {
        batch.add(SqlResources.render("introspect/constraints.sql", gates), rs -> {
            if (rs.getBoolean("on_parked")) {
                return null;
            }
            TableParts table = tables.get(rs.getLong("table_oid"));
            String name = rs.getString("constraint_name");
            List<String> columns = Jdbc.strings(rs, "columns");
            boolean deferrable = rs.getBoolean("deferrable");
            boolean deferred = rs.getBoolean("initially_deferred");
            switch (rs.getString("constraint_type")) {
                case "p" -> table.primaryKey = new PrimaryKey(name, columns, Jdbc.strings(rs, "include_columns"),
                        deferrable, deferred);
                case "u" -> table.uniques.add(new UniqueConstraint(name, columns, Jdbc.strings(rs, "include_columns"),
                        rs.getBoolean("nulls_not_distinct"), deferrable, deferred));
                case "c" -> table.checks.add(new CheckConstraint(name, rs.getString("check_expression"),
                        rs.getBoolean("validated"), rs.getBoolean("no_inherit")));
                case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, rs.getString("referenced_schema"),
                        rs.getString("referenced_table"), Jdbc.strings(rs, "referenced_columns"),
                        action(rs.getString("on_update")), action(rs.getString("on_delete")),
                        match(rs.getString("match_type")), deferrable, deferred, rs.getBoolean("validated")));
                default -> throw new IllegalStateException("unexpected constraint type for " + name);
            }
            return null;
        }, prefix, oids);
    }

    /** Reads indexes; with a prefix, those covering a parked column are Zanith's: left out. */
    private static void readIndexes(Jdbc.Batch batch, Object oids, Map<Long, TableParts> tables,
                                    Map<String, String> gates, String prefix) {
        batch.add(SqlResources.render("introspect/indexes.sql", gates), rs -> {
            if (rs.getBoolean("on_parked")) {
                return null;
            }
            tables.get(rs.getLong("table_oid")).indexes.add(index(rs));
            return null;
        }, prefix, oids);
    }

    /** One row of {@code introspect/indexes.sql} as an index (tables' and materialized views' alike). */
    static Index index(ResultSet rs) throws SQLException {
        String method = rs.getString("method");
        return new Index(rs.getString("index_name"), rs.getBoolean("is_unique"), method,
                IndexDefinitions.keys(rs.getString("definition"), method), Jdbc.strings(rs, "include_columns"),
                rs.getBoolean("nulls_not_distinct"), rs.getString("predicate"),
                Jdbc.strings(rs, "storage_parameters"), rs.getBoolean("is_valid"));
    }

    private static void readPolicies(Jdbc.Batch batch, Object oids, Map<Long, TableParts> tables) {
        batch.add(SqlResources.get("introspect/policies.sql"), rs -> {
            TableParts table = tables.get(rs.getLong("table_oid"));
            table.policies.add(new Policy(rs.getString("policy_name"), command(rs.getString("command")),
                    rs.getBoolean("permissive"), Jdbc.strings(rs, "roles"), rs.getString("using_expression"),
                    rs.getString("with_check_expression")));
            return null;
        }, oids);
    }

    private static String action(String code) {
        return switch (code) {
            case "a" -> "NO ACTION";
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> throw new IllegalStateException("unknown referential action " + code);
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }

    private static String command(String code) {
        return switch (code) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
    }

    private record RawColumn(String name, String type, boolean notNull, String defaultExpression,
                             Identity.Generation identity, GeneratedColumn generated, String collation,
                             String comment) {
    }

    /** A table being assembled from the per-kind queries. */
    static final class TableParts implements PartitionCatalog.Partitioned {
        final String schema;
        final String name;
        final boolean unlogged;
        final boolean rlsEnabled;
        final boolean rlsForced;
        final String comment;
        final List<String> storageParameters;
        final List<RawColumn> columns = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Policy> policies = new ArrayList<>();
        PrimaryKey primaryKey;
        final String partitionKey;
        dev.zanith.api.schema.Partitioning partitioning;

        TableParts(ResultSet rs) throws SQLException {
            schema = rs.getString("schema_name");
            name = rs.getString("table_name");
            unlogged = rs.getBoolean("unlogged");
            rlsEnabled = rs.getBoolean("rls_enabled");
            rlsForced = rs.getBoolean("rls_forced");
            comment = rs.getString("comment");
            storageParameters = Jdbc.strings(rs, "storage_parameters");
            partitionKey = rs.getString("partition_key");
        }

        @Override
        public String partitionKey() {
            return partitionKey;
        }

        @Override
        public void partitioning(dev.zanith.api.schema.Partitioning value) {
            partitioning = value;
        }

        Table build(long oid, Map<String, SequenceOptions> identityOptions, String excludedPrefix) {
            List<Column> built = new ArrayList<>(columns.size());
            for (RawColumn raw : columns) {
                if (!excludedPrefix.isEmpty() && raw.name().startsWith(excludedPrefix)) {
                    continue; // a parked (soft-dropped) column: Zanith's, not the application's
                }
                Identity identity = null;
                if (raw.identity() != null) {
                    SequenceOptions seq = identityOptions.get(oid + "/" + raw.name());
                    if (seq == null) {
                        throw new IllegalStateException("identity column " + schema + "." + name + "." + raw.name()
                                + " has no identity sequence");
                    }
                    identity = new Identity(raw.identity(), seq);
                }
                built.add(new Column(raw.name(), raw.type(), raw.notNull(), raw.defaultExpression(), identity,
                        raw.generated(), raw.collation(), raw.comment()));
            }
            return new Table(schema, name, unlogged, built, primaryKey, uniques, checks, foreignKeys, indexes,
                    rlsEnabled, rlsForced, policies, comment, partitioning, storageParameters);
        }
    }
}
