package dev.zanith.internal.risk;

import dev.zanith.api.risk.DataRef;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.Volatility;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.ArchiveTable;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.ops.SoftDropColumn;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TableStatistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the risk model may know about where a step runs, gathered by the planner (no JDBC here): the
 * server version, the schema as earlier steps of the same plan leave it, table statistics, whether tables and
 * columns hold data, and the volatility of the functions defaults call. Names in a step are the names as of
 * that step; statistics and data facts are keyed by the names in the live database, and the context maps one
 * to the other across renames. {@link #after(Operation)} gives the context of the next step.
 */
public final class RiskContext {

    private final ServerVersion server;
    private final SchemaGraph graph;
    private final Map<TableName, TableStatistics> statistics;
    private final Map<String, Volatility> volatility;
    private final Map<String, CatalogFacts.Domain> domains;
    /** Live column → the views and rules that select it. */
    private final Map<DataRef, List<String>> views;
    /** Live column → the exclusion constraints that cover it. */
    private final Map<DataRef, List<String>> exclusions;
    private final Map<DataRef, Boolean> holdsData;
    private final boolean utcSession;
    /** Current name → live name, for tables that exist in the live database. */
    private final Map<TableName, TableName> liveTables;
    /** Current (table, column) → live (table, column), for columns that exist in the live database. */
    private final Map<DataRef, DataRef> liveColumns;
    private final List<Operation> earlier;

    private RiskContext(ServerVersion server, SchemaGraph graph, Map<TableName, TableStatistics> statistics,
                        Map<String, Volatility> volatility, Map<String, CatalogFacts.Domain> domains,
                        Map<DataRef, List<String>> views, Map<DataRef, List<String>> exclusions,
                        Map<DataRef, Boolean> holdsData, boolean utcSession,
                        Map<TableName, TableName> liveTables, Map<DataRef, DataRef> liveColumns,
                        List<Operation> earlier) {
        this.server = server;
        this.graph = graph;
        this.statistics = statistics;
        this.volatility = volatility;
        this.domains = domains;
        this.views = views;
        this.exclusions = exclusions;
        this.holdsData = holdsData;
        this.utcSession = utcSession;
        this.liveTables = liveTables;
        this.liveColumns = liveColumns;
        this.earlier = earlier;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServerVersion server() {
        return server;
    }

    /** The schema as the earlier steps of the plan leave it. */
    public SchemaGraph graph() {
        return graph;
    }

    /** The operations before this step, in order. */
    public List<Operation> earlier() {
        return earlier;
    }

    /** Whether the session time zone is UTC (timestamp ↔ timestamptz needs no rewrite then, PostgreSQL 12+). */
    public boolean utcSession() {
        return utcSession;
    }

    public Optional<Table> table(TableName name) {
        return name == null ? Optional.empty() : graph.table(name);
    }

    public Optional<Column> column(TableName table, String column) {
        return table(table).flatMap(t -> t.column(column));
    }

    /** The table's name in the live database, or empty for a table created by this plan (or unknown). */
    public Optional<TableName> liveTable(TableName name) {
        return Optional.ofNullable(liveTables.get(name));
    }

    /** The column's name in the live database, or empty when this plan adds it. */
    public Optional<String> liveColumn(TableName table, String column) {
        return Optional.ofNullable(liveColumns.get(DataRef.column(table, column))).map(DataRef::column);
    }

    /** Whether an earlier step of this plan creates the table: it is empty and no client uses it yet. */
    public boolean isNewTable(TableName name) {
        return name != null && !liveTables.containsKey(name) && graph.table(name).isPresent();
    }

    /**
     * Whether an earlier step of this plan creates the routine ({@code signature} as {@code regprocedure} spells it),
     * including one it drops and creates again: no client can have called this one yet.
     */
    public boolean isNewRoutine(String signature) {
        return earlier.stream().anyMatch(op -> op instanceof dev.zanith.api.ops.CreateFunction c
                && c.routine().signature().equals(signature));
    }

    /** Whether an earlier step of this plan adds the column (or its table). */
    public boolean isNewColumn(TableName table, String column) {
        return isNewTable(table) || (liveTables.containsKey(table) && graph.table(table).flatMap(t -> t.column(column))
                .isPresent() && !liveColumns.containsKey(DataRef.column(table, column)));
    }

    public TableStatistics statistics(TableName name) {
        if (isNewTable(name)) {
            return rawSqlEarlier() ? TableStatistics.UNKNOWN : new TableStatistics(0, 0);
        }
        TableName live = liveTables.getOrDefault(name, name);
        return statistics.getOrDefault(live, TableStatistics.UNKNOWN);
    }

    /** Whether the table ({@code column} null) or column holds data, if the planner measured it. */
    public Optional<Boolean> holdsData(TableName table, String column) {
        if (column == null ? isNewTable(table) : isNewColumn(table, column)) {
            // Created earlier in this plan: empty — unless raw SQL ran since, which may have filled it.
            return rawSqlEarlier() ? Optional.empty() : Optional.of(false);
        }
        DataRef live = column == null ? liveTables.containsKey(table) ? DataRef.table(liveTables.get(table)) : null
                : liveColumns.get(DataRef.column(table, column));
        return Optional.ofNullable(live == null ? null : holdsData.get(live));
    }

    /** Whether raw SQL runs earlier in this plan: tables it creates may no longer be empty. */
    public boolean rawSqlEarlier() {
        return earlier.stream().anyMatch(op -> op instanceof dev.zanith.api.ops.RawSql);
    }

    /** The table's size class: empty when created by this plan or measured empty, else by its statistics. */
    public SizeTier tier(TableName name) {
        if (name == null) {
            return SizeTier.SMALL;
        }
        Optional<Boolean> rows = holdsData(name, null);
        if (rows.isPresent() && !rows.get()) {
            return SizeTier.EMPTY;
        }
        SizeTier tier = SizeTier.of(statistics(name));
        return tier == SizeTier.EMPTY && rows.isPresent() ? SizeTier.SMALL : tier;
    }

    /** The sentence behind {@link #tier}: "public.users has ~50,000,000 rows (12 GB)". */
    public String sizeNote(TableName name) {
        if (isNewTable(name)) {
            return name + (rawSqlEarlier() ? " is created earlier in this plan, and raw SQL since may have filled it"
                    : " is created earlier in this plan, so it is empty");
        }
        Optional<Boolean> rows = holdsData(name, null);
        if (rows.isPresent() && !rows.get()) {
            return name + " is empty";
        }
        TableStatistics s = statistics(name);
        if (!s.isKnown()) {
            return name + " has no row estimate (never analyzed)" + (s.totalBytes() > 0 ? "; " + TableStatistics.formatBytes(s.totalBytes())
                    + " on disk" : "") + (rows.orElse(false) ? "; it holds rows" : "");
        }
        return name + " has ~" + String.format(Locale.ROOT, "%,d", s.estimatedRows()) + " rows ("
                + TableStatistics.formatBytes(s.totalBytes()) + ")";
    }

    /** The strictest known volatility of a function name as {@link FunctionCalls} reports it. */
    public Optional<Volatility> volatility(String function) {
        return Optional.ofNullable(volatility.get(function));
    }

    /**
     * Whether {@code type} (as a column type is written: {@code public.amount}, {@code amount}) names a domain,
     * and if so whether it has CHECK or NOT NULL constraints (from {@code pg_type} / {@code pg_constraint}):
     * storing a value in such a domain checks it, so adding a column of it or converting a column to it rewrites
     * the table. Empty when the type is not a known domain.
     */
    public Optional<Boolean> domainHasConstraints(String type) {
        return domain(type).map(CatalogFacts.Domain::constrained);
    }

    /**
     * The domain {@code type} names (as a column type is written: {@code public.amount}, {@code amount}), from the
     * schema graph as earlier steps leave it, else from {@code pg_type} / {@code pg_constraint}: its base type under every domain layer and whether it has
     * constraints. An unqualified name that several schemas define is constrained if any is, and has a base type
     * only if all agree. Empty when the type is not a known domain.
     */
    public Optional<CatalogFacts.Domain> domain(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String name = type.trim().replace("\"", "");
        // The graph first: it has the domains earlier steps create or change; the catalog has the rest.
        CatalogFacts.Domain qualified = name.contains(".") ? plannedDomain(name, 0) : null;
        if (qualified == null) {
            qualified = domains.get(name);
        }
        if (qualified != null || name.contains(".")) {
            return Optional.ofNullable(qualified);
        }
        return domains.entrySet().stream().filter(e -> e.getKey().endsWith("." + name)).map(Map.Entry::getValue)
                .reduce((a, b) -> new CatalogFacts.Domain(Objects.equals(a.baseType(), b.baseType())
                        ? a.baseType() : null, a.constrained() || b.constrained()));
    }

    /**
     * A domain an earlier step of this plan creates (the graph has it, the live catalog does not), described as the
     * catalog would describe it: its base type under every domain layer, and whether it or a domain under it has
     * NOT NULL or a CHECK. Null when the graph has no such domain.
     */
    private CatalogFacts.Domain plannedDomain(String name, int depth) {
        dev.zanith.api.schema.Domain d = graph.domains().stream().filter(x -> x.sqlName().replace("\"", "").equals(name))
                .findFirst().orElse(null);
        if (d == null || depth > 16) {
            return null;
        }
        CatalogFacts.Domain under = domains.containsKey(d.baseType()) ? domains.get(d.baseType())
                : plannedDomain(d.baseType(), depth + 1);
        boolean constrained = d.notNull() || !d.constraints().isEmpty() || (under != null && under.constrained());
        return new CatalogFacts.Domain(under != null ? under.baseType() : d.baseType(), constrained);
    }

    /**
     * The views and rules ({@code schema.name}, from {@code pg_depend} on {@code pg_rewrite}) that select a column
     * of the live database, by its name as of this step; empty for a column this plan adds or none uses.
     */
    public List<String> viewsUsing(TableName table, String column) {
        DataRef live = liveColumns.get(DataRef.column(table, column));
        if (live == null) {
            return List.of();
        }
        // A view an earlier step of this plan drops no longer holds the column (the differ drops it first).
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (Operation op : earlier) {
            if (op instanceof dev.zanith.api.ops.DropView || op instanceof dev.zanith.api.ops.DropMaterializedView) {
                dropped.add(op.target().schema() + "." + op.target().name());
            }
        }
        return views.getOrDefault(live, List.of()).stream().filter(v -> !dropped.contains(v)).toList();
    }

    /**
     * The exclusion constraints (by name, from {@code pg_constraint}) that cover a column of the live database, by
     * its name as of this step; empty for a column this plan adds or none covers.
     */
    public List<String> exclusionsOn(TableName table, String column) {
        DataRef live = liveColumns.get(DataRef.column(table, column));
        return live == null ? List.of() : exclusions.getOrDefault(live, List.of());
    }

    /** The same context knowing more exclusion constraints on live columns (see {@link #exclusionsOn}). */
    public RiskContext withExclusions(List<CatalogFacts.ExclusionUse> uses) {
        return new RiskContext(server, graph, statistics, volatility, domains, views, exclusionMap(exclusions, uses),
                holdsData, utcSession, liveTables, liveColumns, earlier);
    }

    private static Map<DataRef, List<String>> exclusionMap(Map<DataRef, List<String>> known,
                                                           List<CatalogFacts.ExclusionUse> uses) {
        return byColumn(known, uses, u -> DataRef.column(u.table(), u.column()), CatalogFacts.ExclusionUse::constraint);
    }

    /** {@code known} with each use's name added under its column. */
    private static <U> Map<DataRef, List<String>> byColumn(Map<DataRef, List<String>> known, List<U> uses,
                                                           java.util.function.Function<U, DataRef> column,
                                                           java.util.function.Function<U, String> name) {
        Map<DataRef, List<String>> out = new HashMap<>(known);
        for (U use : uses) {
            List<String> names = new ArrayList<>(out.getOrDefault(column.apply(use), List.of()));
            names.add(name.apply(use));
            out.put(column.apply(use), List.copyOf(names));
        }
        return Map.copyOf(out);
    }

    /** The same context knowing more views and rules that select live columns (see {@link #viewsUsing}). */
    public RiskContext withViews(List<CatalogFacts.ViewUse> uses) {
        return new RiskContext(server, graph, statistics, volatility, domains, viewMap(views, uses), exclusions, holdsData,
                utcSession, liveTables, liveColumns, earlier);
    }

    private static Map<DataRef, List<String>> viewMap(Map<DataRef, List<String>> known, List<CatalogFacts.ViewUse> uses) {
        return byColumn(known, uses, u -> DataRef.column(u.table(), u.column()), CatalogFacts.ViewUse::view);
    }

    /** The same context knowing the volatility of more functions (names as {@link FunctionCalls} reports them). */
    public RiskContext withVolatility(Map<String, Volatility> more) {
        Map<String, Volatility> all = new HashMap<>(volatility);
        all.putAll(more);
        return new RiskContext(server, graph, statistics, Map.copyOf(all), domains, views, exclusions, holdsData, utcSession, liveTables,
                liveColumns, earlier);
    }

    /** The same context with one more measured data fact (keyed by live names). */
    public RiskContext withHoldsData(DataRef live, boolean value) {
        Map<DataRef, Boolean> facts = new HashMap<>(holdsData);
        facts.put(live, value);
        return new RiskContext(server, graph, statistics, volatility, domains, views, exclusions, Map.copyOf(facts), utcSession, liveTables,
                liveColumns, earlier);
    }

    /** The context of the next step, once {@code op} has run. */
    public RiskContext after(Operation op) {
        Map<TableName, TableName> tables = liveTables;
        Map<DataRef, DataRef> columns = liveColumns;
        if (op instanceof RenameTable rename && liveTables.containsKey(rename.table())) {
            TableName to = new TableName(rename.table().schema(), rename.newName());
            tables = new HashMap<>(liveTables);
            tables.put(to, tables.remove(rename.table()));
            columns = new HashMap<>();
            for (Map.Entry<DataRef, DataRef> e : liveColumns.entrySet()) {
                DataRef key = e.getKey().table().equals(rename.table()) ? DataRef.column(to, e.getKey().column()) : e.getKey();
                columns.put(key, e.getValue());
            }
        } else if (op instanceof RenameColumn rename && liveColumns.containsKey(DataRef.column(rename.table(), rename.column()))) {
            columns = new HashMap<>(liveColumns);
            columns.put(DataRef.column(rename.table(), rename.newName()),
                    columns.remove(DataRef.column(rename.table(), rename.column())));
        } else if (op instanceof DropTable || op instanceof SoftDropTable || op instanceof ArchiveTable) {
            tables = new HashMap<>(liveTables);
            tables.remove(op.target());
            columns = new HashMap<>(liveColumns);
            columns.keySet().removeIf(k -> k.table().equals(op.target()));
        } else if (op instanceof DropColumn || op instanceof SoftDropColumn || op instanceof ArchiveColumn) {
            String column = op instanceof DropColumn d ? d.column()
                    : op instanceof SoftDropColumn s ? s.column() : ((ArchiveColumn) op).column();
            columns = new HashMap<>(liveColumns);
            columns.remove(DataRef.column(op.target(), column));
        }
        List<Operation> next = new ArrayList<>(earlier);
        next.add(op);
        return new RiskContext(server, SchemaEffect.apply(graph, op), statistics, volatility, domains, views, exclusions, holdsData, utcSession,
                tables == liveTables ? tables : Map.copyOf(tables), columns == liveColumns ? columns : Map.copyOf(columns),
                List.copyOf(next));
    }

    /** Builds the context of a plan's first step. */
    public static final class Builder {
        private ServerVersion server = new ServerVersion(ServerVersion.MINIMUM_MAJOR * 10000);
        private SchemaGraph live = SchemaGraph.empty();
        private Map<TableName, TableStatistics> statistics = Map.of();
        private Map<String, Volatility> volatility = Map.of();
        private Map<String, CatalogFacts.Domain> domains = Map.of();
        private Map<DataRef, Boolean> holdsData = Map.of();
        private List<CatalogFacts.ViewUse> views = List.of();
        private List<CatalogFacts.ExclusionUse> exclusions = List.of();
        private boolean utcSession;

        private Builder() {
        }

        public Builder server(ServerVersion value) {
            this.server = value;
            return this;
        }

        /** The live schema; every table and column in it counts as existing (not created by the plan). */
        public Builder live(SchemaGraph value) {
            this.live = value;
            return this;
        }

        public Builder statistics(Map<TableName, TableStatistics> value) {
            this.statistics = Map.copyOf(value);
            return this;
        }

        /** Function name (as {@link FunctionCalls} reports it) → strictest volatility in {@code pg_proc}. */
        public Builder volatility(Map<String, Volatility> value) {
            this.volatility = Map.copyOf(value);
            return this;
        }

        /** Domain ({@code schema.name}) → its base type and whether it has constraints; see {@link #domain}. */
        public Builder domains(Map<String, CatalogFacts.Domain> value) {
            this.domains = Map.copyOf(value);
            return this;
        }

        /** The views and rules that select live columns; see {@link #viewsUsing}. */
        public Builder views(List<CatalogFacts.ViewUse> value) {
            this.views = List.copyOf(value);
            return this;
        }

        /** The exclusion constraints that cover live columns; see {@link #exclusionsOn}. */
        public Builder exclusions(List<CatalogFacts.ExclusionUse> value) {
            this.exclusions = List.copyOf(value);
            return this;
        }

        public Builder holdsData(Map<DataRef, Boolean> value) {
            this.holdsData = Map.copyOf(value);
            return this;
        }

        public Builder utcSession(boolean value) {
            this.utcSession = value;
            return this;
        }

        public RiskContext build() {
            Map<TableName, TableName> tables = new HashMap<>();
            Map<DataRef, DataRef> columns = new HashMap<>();
            for (Table t : live.tables()) {
                tables.put(t.qualifiedName(), t.qualifiedName());
                for (Column c : t.columns()) {
                    DataRef ref = DataRef.column(t.qualifiedName(), c.name());
                    columns.put(ref, ref);
                }
            }
            return new RiskContext(server, live, statistics, volatility, domains, viewMap(Map.of(), views), exclusionMap(Map.of(), exclusions), holdsData,
                    utcSession, Map.copyOf(tables),
                    Map.copyOf(columns), List.of());
        }
    }
}
