package dev.zanith.internal.plan;

import dev.zanith.api.output.PreflightCheck;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.risk.ColumnType;
import dev.zanith.api.risk.DataRef;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.api.risk.TypeChange;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Data-dependent checks before a step: NULLs before NOT NULL, duplicate keys before a unique key, orphans
 * before a foreign key, values that would not fit before a narrowing type change, violating rows before a
 * CHECK, rows before a required column without default, and whether a dropped table or column holds data.
 *
 * <p>Every check is one or two plain SELECTs on the live table (ACCESS SHARE, the lock any query takes), in a
 * savepoint of the planner's read-only transaction, under its statement timeout. A check only runs against
 * what exists in the live database: steps on tables or columns created earlier in the same plan are
 * trivially clean, and a check whose data an earlier step changes first (a backfill, raw SQL) is left to apply.
 */
public final class Preflight {

    /** Offending rows are counted up to this many. */
    public static final long COUNT_CAP = 1_000_000;
    private static final int SAMPLES = 5;

    private final SchemaGraph live;
    private final ServerVersion server;
    private final Duration timeout;

    public Preflight(SchemaGraph live, ServerVersion server, Duration timeout) {
        this.live = live;
        this.server = server;
        this.timeout = timeout;
    }

    /** A condition on alias {@code zc} (the checked table) with its bound parameters. */
    private record Condition(String sql, List<Object> params) {
        static Condition of(String sql, Object... params) {
            return new Condition(sql, List.of(params));
        }
    }

    /** Thrown inside a probe when its query fails; the savepoint is already rolled back. */
    private static final class ProbeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SQLException cause;

        ProbeFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    // ---- data presence --------------------------------------------------------------------------------------

    /** Whether a live table (column null) or column holds data; empty when the check could not finish. */
    public Optional<Boolean> holdsData(Connection c, DataRef ref) throws SQLException {
        String condition = ref.column() == null ? "true" : "zc." + Identifiers.quote(ref.column()) + " IS NOT NULL";
        String sql = SqlResources.render("plan/holds-data.sql", Map.of("table", ref.table().sql(), "condition", condition));
        try {
            return guarded(c, tx -> Jdbc.queryFirst(tx, sql, rs -> rs.getBoolean(1)));
        } catch (ProbeFailure e) {
            return Optional.empty();
        }
    }

    /** The informational result for a hard drop, from what {@link #holdsData} found. */
    PreflightResult holdsDataResult(DataRef ref, Optional<Boolean> holds, String sizeNote) {
        String what = ref.column() == null ? "rows in " + ref.table() : "values in " + ref;
        if (holds.isEmpty()) {
            return new PreflightResult(PreflightCheck.HOLDS_DATA, PreflightResult.Status.INCONCLUSIVE, what, 0, false,
                    List.of(), List.of(), "could not check for " + what + " within " + seconds()
                    + ": assumed it holds data");
        }
        return new PreflightResult(PreflightCheck.HOLDS_DATA, PreflightResult.Status.INFO, what, holds.get() ? 1 : 0,
                false, List.of(), List.of(), holds.get()
                ? (ref.column() == null ? sizeNote + ": its rows are lost" : ref + " holds values: they are lost")
                : (ref.column() == null ? ref.table() + " has no rows" : ref + " holds no values (all NULL)"));
    }

    // ---- checks before a step -------------------------------------------------------------------------------

    /** The data checks {@code op} needs where {@code ctx} says it runs (hard-drop facts excluded). */
    public List<PreflightResult> check(Connection c, Operation op, RiskContext ctx) throws SQLException {
        List<PreflightResult> results = new ArrayList<>();
        if (op instanceof SetNotNull set) {
            setNotNull(c, ctx, set, results);
        } else if (op instanceof AddColumn add) {
            addColumn(c, ctx, add, results);
        } else if (op instanceof AddCheckConstraint add && !add.notValid()) {
            check(c, ctx, add.table(), add.constraint(), results);
        } else if (op instanceof AddForeignKey add && !add.notValid()) {
            orphans(c, ctx, add.table(), add.foreignKey(), results);
        } else if (op instanceof ValidateConstraint validate) {
            validate(c, ctx, validate, results);
        } else if (op instanceof AddIndex add && add.index().unique()) {
            Index index = add.index();
            duplicates(c, ctx, add.table(), index.keys().stream().map(Preflight::keyExpression).toList(), true,
                    index.predicate(), index.nullsNotDistinct(), "unique index " + index.name(), results);
        } else if (op instanceof AddUniqueConstraint add && add.usingIndex() == null) {
            duplicates(c, ctx, add.table(), add.constraint().columns(), false, null, add.constraint().nullsNotDistinct(),
                    "unique constraint " + add.constraint().name(), results);
        } else if (op instanceof AddPrimaryKey add) {
            primaryKey(c, ctx, add, results);
        } else if (op instanceof AlterColumnType alter) {
            typeFit(c, ctx, alter, results);
        } else if (op instanceof dev.zanith.api.ops.GrantPrivileges grant) {
            roleExists(c, grant.grantee(), results);
        } else if (op instanceof dev.zanith.api.ops.RevokePrivileges revoke) {
            roleExists(c, revoke.grantee(), results);
        }
        return results;
    }

    /** A grant or revoke names a role: it must exist, or the step fails (42704) when it runs. */
    private static void roleExists(Connection c, String role, List<PreflightResult> results) throws SQLException {
        if (role.equals("PUBLIC")) {
            return;
        }
        String description = "role " + role;
        if (dev.zanith.internal.introspect.PrivilegeCatalog.missingRoles(c, List.of(role)).isEmpty()) {
            results.add(new PreflightResult(PreflightCheck.ROLE_EXISTS, PreflightResult.Status.PASSED, description, 0,
                    false, List.of(), List.of(), "role " + role + " exists"));
            return;
        }
        results.add(new PreflightResult(PreflightCheck.ROLE_EXISTS, PreflightResult.Status.FAILED, description, 1, false,
                List.of(), List.of(), "role " + role + " does not exist on this server: the step would fail. Create it "
                + "first (CREATE ROLE " + dev.zanith.internal.sql.Identifiers.quote(role) + " NOLOGIN), or remove the "
                + "step"));
    }

    private void setNotNull(Connection c, RiskContext ctx, SetNotNull op, List<PreflightResult> results)
            throws SQLException {
        TableName table = op.table();
        String description = "NULLs in " + table + "." + op.column();
        Optional<Column> column = ctx.column(table, op.column());
        if (column.isPresent() && column.get().notNull()) {
            return;
        }
        Optional<CheckConstraint> proof = ctx.table(table).flatMap(t -> t.checkConstraints().stream()
                .filter(k -> k.validated() && provesNotNull(k.expression(), op.column())).findFirst());
        if (proof.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.NULLS, description, "the validated CHECK "
                    + proof.get().name() + " already rules out NULLs"));
            return;
        }
        if (ctx.isNewTable(table)) {
            results.add(PreflightResult.skipped(PreflightCheck.NULLS, description, created(ctx, table)));
            return;
        }
        Optional<String> changed = changedEarlier(ctx, table, List.of(op.column()));
        if (changed.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.NULLS, description, changed.get()));
            return;
        }
        TableName liveTable = ctx.liveTable(table).orElse(table);
        if (ctx.isNewColumn(table, op.column())) {
            String fill = column.map(Column::defaultExpression).orElse(null);
            if (fill != null && !fill.trim().equalsIgnoreCase("null")) {
                results.add(PreflightResult.skipped(PreflightCheck.NULLS, description, op.column()
                        + " is added earlier in this plan with a default, which fills every row"));
                return;
            }
            results.add(rows(c, PreflightCheck.NULLS, description + " (added earlier in this plan without a default: "
                    + "every existing row is NULL)", liveTable, Condition.of("true"), "rows with NULL in "
                    + table + "." + op.column(), "no rows, so no NULLs in " + table + "." + op.column()));
            return;
        }
        String live = ctx.liveColumn(table, op.column()).orElse(op.column());
        results.add(rows(c, PreflightCheck.NULLS, description, liveTable,
                Condition.of("zc." + Identifiers.quote(live) + " IS NULL"), "rows with NULL in " + table + "." + op.column(),
                "no NULLs in " + table + "." + op.column()));
    }

    private void addColumn(Connection c, RiskContext ctx, AddColumn op, List<PreflightResult> results)
            throws SQLException {
        Column column = op.column();
        boolean hasDefault = column.defaultExpression() != null && !column.defaultExpression().trim().equalsIgnoreCase("null");
        boolean generated = column.identity() != null || column.generated() != null || isSerial(column.type());
        if (!column.notNull() || hasDefault || generated) {
            return;
        }
        TableName table = op.table();
        String description = "rows in " + table + " (" + column.name() + " is required and has no default)";
        if (ctx.isNewTable(table)) {
            results.add(PreflightResult.skipped(PreflightCheck.TABLE_EMPTY, description, created(ctx, table)));
            return;
        }
        results.add(rows(c, PreflightCheck.TABLE_EMPTY, description, ctx.liveTable(table).orElse(table),
                Condition.of("true"), "rows in " + table + " that would need a value for " + column.name(),
                table + " is empty"));
    }

    private void validate(Connection c, RiskContext ctx, ValidateConstraint op, List<PreflightResult> results)
            throws SQLException {
        Optional<Table> table = ctx.table(op.table());
        Optional<CheckConstraint> check = table.flatMap(t -> t.checkConstraints().stream()
                .filter(k -> k.name().equals(op.name())).findFirst());
        Optional<ForeignKey> fk = table.flatMap(t -> t.foreignKeys().stream().filter(f -> f.name().equals(op.name()))
                .findFirst());
        if (check.isPresent() && !check.get().validated()) {
            check(c, ctx, op.table(), check.get(), results);
        } else if (fk.isPresent() && !fk.get().validated()) {
            orphans(c, ctx, op.table(), fk.get(), results);
        }
    }

    private void check(Connection c, RiskContext ctx, TableName table, CheckConstraint check,
                       List<PreflightResult> results) throws SQLException {
        String description = "rows of " + table + " violating " + check.name() + " " + parenthesized(check.expression());
        Optional<String> skip = skipExpression(ctx, table, List.of(check.expression()));
        if (skip.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.CHECK_VIOLATIONS, description, skip.get()));
            return;
        }
        results.add(rows(c, PreflightCheck.CHECK_VIOLATIONS, description, ctx.liveTable(table).orElse(table),
                Condition.of("(" + check.expression() + ") IS FALSE"), "rows violating " + check.name(),
                "no row violates " + check.name()));
    }

    private void orphans(Connection c, RiskContext ctx, TableName table, ForeignKey fk, List<PreflightResult> results)
            throws SQLException {
        TableName parent = fk.referenced();
        String description = "rows of " + table + " (" + String.join(", ", fk.columns()) + ") without a parent in "
                + parent + " (" + String.join(", ", fk.referencedColumns()) + ")";
        Optional<String> skip = skipColumns(ctx, table, fk.columns());
        if (skip.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.ORPHANS, description, skip.get()));
            return;
        }
        List<String> child = fk.columns().stream().map(col -> "zc." + Identifiers.quote(ctx.liveColumn(table, col)
                .orElse(col))).toList();
        String present = child.stream().map(col -> col + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String condition;
        if (ctx.isNewTable(parent) && ctx.rawSqlEarlier()) {
            results.add(PreflightResult.skipped(PreflightCheck.ORPHANS, description, created(ctx, parent)));
            return;
        } else if (ctx.isNewTable(parent)) {
            condition = present; // the parent is created by this plan: empty, so every referencing row is an orphan
        } else if (skipColumns(ctx, parent, fk.referencedColumns()).isPresent() || ctx.liveTable(parent).isEmpty()) {
            results.add(PreflightResult.skipped(PreflightCheck.ORPHANS, description, "the referenced columns change "
                    + "earlier in this plan: checked when apply runs the step"));
            return;
        } else {
            TableName liveParent = ctx.liveTable(parent).orElseThrow();
            List<String> match = new ArrayList<>();
            for (int i = 0; i < fk.columns().size(); i++) {
                match.add("zp." + Identifiers.quote(ctx.liveColumn(parent, fk.referencedColumns().get(i))
                        .orElse(fk.referencedColumns().get(i))) + " = " + child.get(i));
            }
            condition = "(" + present + " AND NOT EXISTS (SELECT 1 FROM " + liveParent.sql() + " AS zp WHERE "
                    + String.join(" AND ", match) + "))";
            if (fk.match().equals("FULL") && child.size() > 1) {
                // MATCH FULL also rejects keys that are partly NULL.
                String anyNull = child.stream().map(col -> col + " IS NULL").collect(Collectors.joining(" OR "));
                condition = "(" + condition + " OR ((" + anyNull + ") AND NOT (" + child.stream().map(col -> col
                        + " IS NULL").collect(Collectors.joining(" AND ")) + ")))";
            }
        }
        results.add(rows(c, PreflightCheck.ORPHANS, description, ctx.liveTable(table).orElse(table),
                Condition.of(condition), "orphan rows in " + table + " for " + fk.name(), "no orphan rows for " + fk.name()));
    }

    private void primaryKey(Connection c, RiskContext ctx, AddPrimaryKey op, List<PreflightResult> results)
            throws SQLException {
        TableName table = op.table();
        List<String> nullable = op.primaryKey().columns().stream()
                .filter(col -> ctx.column(table, col).map(k -> !k.notNull()).orElse(false)).toList();
        if (!nullable.isEmpty()) {
            String description = "NULLs in " + table + " (" + String.join(", ", nullable) + ")";
            Optional<String> skip = skipColumns(ctx, table, nullable);
            if (skip.isPresent()) {
                results.add(PreflightResult.skipped(PreflightCheck.NULLS, description, skip.get()));
            } else {
                String condition = nullable.stream().map(col -> "zc." + Identifiers.quote(ctx.liveColumn(table, col)
                        .orElse(col)) + " IS NULL").collect(Collectors.joining(" OR "));
                results.add(rows(c, PreflightCheck.NULLS, description, ctx.liveTable(table).orElse(table),
                        Condition.of(condition), "rows with NULL in the primary key columns",
                        "no NULLs in " + String.join(", ", nullable)));
            }
        }
        if (op.usingIndex() == null) {
            duplicates(c, ctx, table, op.primaryKey().columns(), false, null, true,
                    "primary key " + op.primaryKey().name(), results);
        }
    }

    /**
     * @param expressions whether {@code keys} are SQL expressions (index keys) rather than column names
     */
    private void duplicates(Connection c, RiskContext ctx, TableName table, List<String> keys, boolean expressions,
                            String predicate, boolean nullsNotDistinct, String what, List<PreflightResult> results)
            throws SQLException {
        String description = "duplicate keys (" + String.join(", ", keys) + ") in " + table + " for " + what;
        Optional<String> skip = expressions ? skipExpression(ctx, table, withPredicate(keys, predicate))
                : skipColumns(ctx, table, keys);
        if (skip.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.DUPLICATES, description, skip.get()));
            return;
        }
        List<String> keySql = expressions ? keys.stream().map(k -> "(" + k + ")").toList()
                : keys.stream().map(k -> "zc." + Identifiers.quote(ctx.liveColumn(table, k).orElse(k))).toList();
        List<String> filters = new ArrayList<>();
        if (!nullsNotDistinct) {
            keySql.forEach(k -> filters.add(k + " IS NOT NULL")); // NULLs never collide in a unique key
        }
        if (predicate != null) {
            filters.add("(" + predicate + ")");
        }
        String condition = filters.isEmpty() ? "true" : String.join(" AND ", filters);
        TableName liveTable = ctx.liveTable(table).orElse(table);
        Map<String, String> fragments = Map.of("table", liveTable.sql(), "condition", condition,
                "keys", String.join(", ", keySql), "key", sampleKey(liveTable));
        try {
            long[] counts = guarded(c, tx -> Jdbc.queryFirst(tx, SqlResources.render("plan/duplicate-groups.sql",
                            Map.of("table", liveTable.sql(), "condition", condition, "keys", String.join(", ", keySql))),
                    rs -> new long[]{rs.getLong(1), rs.getLong(2)}).orElse(new long[]{0, 0}));
            if (counts[0] == 0) {
                results.add(new PreflightResult(PreflightCheck.DUPLICATES, PreflightResult.Status.PASSED, description, 0,
                        false, List.of(), List.of(), "no duplicate keys for " + what));
                return;
            }
            List<String> samples = guarded(c, tx -> Jdbc.query(tx, SqlResources.render("plan/duplicate-sample.sql",
                    fragments), rs -> rs.getString(1)));
            results.add(new PreflightResult(PreflightCheck.DUPLICATES, PreflightResult.Status.FAILED, description,
                    counts[1], false, keyColumns(liveTable), samples, String.format(Locale.ROOT,
                    "%,d rows share %,d duplicate key value%s for %s%s", counts[1], counts[0], counts[0] == 1 ? "" : "s",
                    what, samples(liveTable, samples))));
        } catch (ProbeFailure e) {
            results.add(inconclusive(PreflightCheck.DUPLICATES, description, e.cause));
        }
    }

    private void typeFit(Connection c, RiskContext ctx, AlterColumnType op, List<PreflightResult> results)
            throws SQLException {
        TableName table = op.table();
        Optional<Column> current = ctx.column(table, op.column());
        String from = current.map(Column::type).orElse(op.fromType());
        if (from == null) {
            return;
        }
        Optional<EnumType> enumTarget = enumType(ctx, op.type());
        if (enumTarget.isPresent()) {
            enumFit(c, ctx, op, enumTarget.get(), results);
            return;
        }
        ColumnType to = ColumnType.parse(op.type());
        TypeChange change = TypeChange.of(from, op.type(), op.using(), server.atLeast(12), false);
        if (change.kind() != TypeChange.Kind.NARROWING && change.kind() != TypeChange.Kind.LOSSY
                && change.kind() != TypeChange.Kind.CHANGE) {
            return;
        }
        String description = "values of " + table + "." + op.column() + " that do not fit " + op.type();
        List<String> referenced = op.using() == null ? List.of(op.column()) : List.of();
        Optional<String> skip = op.using() == null ? skipColumns(ctx, table, referenced)
                : skipExpression(ctx, table, List.of(op.using()));
        if (skip.isEmpty()) {
            skip = changedEarlier(ctx, table, List.of(op.column()));
        }
        String source = op.using() != null ? "(" + op.using() + ")"
                : "zc." + Identifiers.quote(ctx.liveColumn(table, op.column()).orElse(op.column()));
        Optional<Condition> condition = fitCondition(source, change.from(), to, op.using() != null, op.type());
        if (condition.isEmpty()) {
            return;
        }
        if (skip.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.TYPE_FIT, description, skip.get()));
            return;
        }
        results.add(rows(c, PreflightCheck.TYPE_FIT, description, ctx.liveTable(table).orElse(table), condition.get(),
                "values of " + table + "." + op.column() + " that do not fit " + op.type(),
                "every value of " + table + "." + op.column() + " fits " + op.type()));
    }

    /** The enum {@code type} (or an array of it) names, as the plan knows it at this step. */
    private static Optional<EnumType> enumType(RiskContext ctx, String type) {
        String base = type.replaceAll("(\\[\\])+$", "");
        return ctx.graph().enums().stream().filter(e -> e.sqlName().equals(base)).findFirst();
    }

    /**
     * Rows holding a value the target enum lacks (a value removed from the type), which would make the
     * conversion fail: counted on the live column, compared as text as the conversion does.
     */
    private void enumFit(Connection c, RiskContext ctx, AlterColumnType op, EnumType target, List<PreflightResult> results)
            throws SQLException {
        TableName table = op.table();
        String description = "values of " + table + "." + op.column() + " that " + target.sqlName() + " lacks";
        Optional<String> skip = skipColumns(ctx, table, List.of(op.column()));
        if (skip.isPresent()) {
            results.add(PreflightResult.skipped(PreflightCheck.TYPE_FIT, description, skip.get()));
            return;
        }
        String column = "zc." + Identifiers.quote(ctx.liveColumn(table, op.column()).orElse(op.column()));
        String placeholders = String.join(", ", java.util.Collections.nCopies(target.values().size(), "?"));
        String notIn = target.values().isEmpty() ? "true" : "%s::text NOT IN (" + placeholders + ")";
        String sql = op.type().endsWith("]")
                ? "EXISTS (SELECT 1 FROM unnest(" + column + ") AS v(x) WHERE v.x IS NOT NULL AND "
                + notIn.formatted("v.x") + ")"
                : column + " IS NOT NULL AND " + notIn.formatted(column);
        results.add(rows(c, PreflightCheck.TYPE_FIT, description, ctx.liveTable(table).orElse(table),
                new Condition(sql, List.copyOf(target.values())),
                "rows of " + table + " holding a value " + target.sqlName() + " lacks (update or delete them first)",
                "every value of " + table + "." + op.column() + " is one " + target.sqlName() + " has"));
    }

    /** The rows whose value would not survive conversion to {@code to}, where that can be said in SQL. */
    private Optional<Condition> fitCondition(String source, ColumnType from, ColumnType to, boolean using, String toType) {
        if (to.array()) {
            return Optional.empty();
        }
        Integer length = to.length();
        if (length != null && (to.base().equals("character varying") || to.base().equals("character"))) {
            // Trailing spaces beyond the limit are cut silently, not refused.
            return Optional.of(Condition.of("char_length(rtrim((" + source + ")::text)) > ?", length));
        }
        if (length != null && to.base().equals("bit varying")) {
            return Optional.of(Condition.of("length(" + source + ") > ?", length));
        }
        if (to.integerBytes() > 0 && (from.integerBytes() > to.integerBytes() || from.base().equals("numeric")
                || (using && !from.isTextLike()))) {
            long max = to.integerBytes() == 2 ? Short.MAX_VALUE : to.integerBytes() == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long min = -max - 1;
            return Optional.of(Condition.of("round((" + source + ")::numeric) NOT BETWEEN ? AND ?", min, max));
        }
        if (to.base().equals("numeric") && !to.modifiers().isEmpty() && (from.base().equals("numeric")
                || from.integerBytes() > 0 || from.base().equals("real") || from.base().equals("double precision"))) {
            int precision = to.modifiers().get(0);
            int scale = to.modifiers().size() > 1 ? to.modifiers().get(1) : 0;
            return Optional.of(Condition.of("abs(round((" + source + ")::numeric, ?)) >= power(10::numeric, ?)",
                    scale, precision - scale));
        }
        if (from.isTextLike() && !using && !to.isTextLike() && server.atLeast(16)) {
            return Optional.of(Condition.of("(" + source + ") IS NOT NULL AND NOT pg_catalog.pg_input_is_valid(("
                    + source + ")::text, ?)", toType));
        }
        return Optional.empty();
    }

    // ---- probes ---------------------------------------------------------------------------------------------

    /** Samples (up to five) and a capped count of the rows matching {@code condition}. */
    private PreflightResult rows(Connection c, PreflightCheck check, String description, TableName liveTable,
                                 Condition condition, String offending, String clean) throws SQLException {
        try {
            List<String> samples = guarded(c, tx -> Jdbc.query(tx, SqlResources.render("plan/sample-rows.sql",
                    Map.of("table", liveTable.sql(), "key", sampleKey(liveTable), "condition", condition.sql())),
                    rs -> rs.getString(1), condition.params().toArray()));
            if (samples.isEmpty()) {
                return new PreflightResult(check, PreflightResult.Status.PASSED, description, 0, false, List.of(),
                        List.of(), clean);
            }
            long count = samples.size();
            if (samples.size() == SAMPLES) {
                List<Object> params = new ArrayList<>(condition.params());
                params.add(COUNT_CAP + 1);
                count = guarded(c, tx -> Jdbc.queryFirst(tx, SqlResources.render("plan/count-rows.sql",
                        Map.of("table", liveTable.sql(), "condition", condition.sql())), rs -> rs.getLong(1),
                        params.toArray()).orElse(0L));
            }
            boolean capped = count > COUNT_CAP;
            long shown = Math.min(count, COUNT_CAP);
            return new PreflightResult(check, PreflightResult.Status.FAILED, description, shown, capped,
                    keyColumns(liveTable), samples, String.format(Locale.ROOT, "%s%,d %s%s", capped ? "more than " : "",
                    shown, offending, samples(liveTable, samples)));
        } catch (ProbeFailure e) {
            return inconclusive(check, description, e.cause);
        }
    }

    private PreflightResult inconclusive(PreflightCheck check, String description, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = state.equals("57014") ? "timed out after " + seconds() + " (the preflight statement timeout)"
                : state.equals("55P03") ? "could not get a read lock (another session holds ACCESS EXCLUSIVE)"
                : "the check failed: " + firstLine(e.getMessage());
        return new PreflightResult(check, PreflightResult.Status.INCONCLUSIVE, description, 0, false, List.of(),
                List.of(), why + "; apply still fails safely if the data is bad");
    }

    private <T> T guarded(Connection c, Jdbc.SqlWork<T> work) throws SQLException, ProbeFailure {
        Savepoint savepoint = c.setSavepoint();
        try {
            // a probe reads the data, bounded by the preflight statement timeout rather than the socket timeout
            T result = Jdbc.withoutNetworkTimeout(c, work);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            c.rollback(savepoint);
            throw new ProbeFailure(e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The sample key expression: the live primary key as text, or ctid without one. */
    private String sampleKey(TableName liveTable) {
        List<String> pk = primaryKey(liveTable);
        if (pk.isEmpty()) {
            return "zc.ctid";
        }
        List<String> columns = pk.stream().map(col -> "zc." + Identifiers.quote(col)).toList();
        return columns.size() == 1 ? columns.get(0) : "ROW(" + String.join(", ", columns) + ")";
    }

    private List<String> keyColumns(TableName liveTable) {
        List<String> pk = primaryKey(liveTable);
        return pk.isEmpty() ? List.of("ctid") : pk;
    }

    private List<String> primaryKey(TableName liveTable) {
        return live.table(liveTable).filter(t -> t.primaryKey() != null).map(t -> t.primaryKey().columns())
                .orElse(List.of());
    }

    /** " (e.g. id 3, 8, 11)". */
    private String samples(TableName liveTable, List<String> samples) {
        if (samples.isEmpty()) {
            return "";
        }
        List<String> key = keyColumns(liveTable);
        return " (e.g. " + (key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")") + " "
                + String.join(", ", samples) + ")";
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Why a check on {@code columns} cannot run against the live data: the table or a column is created, or a
     * column renamed, earlier in the plan, or an earlier step changes the data first.
     */
    private static Optional<String> skipColumns(RiskContext ctx, TableName table, Collection<String> columns) {
        if (ctx.isNewTable(table)) {
            return Optional.of(created(ctx, table));
        }
        if (ctx.liveTable(table).isEmpty()) {
            return Optional.of(table + " does not exist in the database yet: checked when apply runs the step");
        }
        for (String column : columns) {
            if (ctx.isNewColumn(table, column)) {
                return Optional.of(column + " is added earlier in this plan: checked when apply runs the step");
            }
        }
        return changedEarlier(ctx, table, columns);
    }

    /** As {@link #skipColumns}, for SQL expressions: any new or renamed column they mention. */
    private static Optional<String> skipExpression(RiskContext ctx, TableName table, List<String> expressions) {
        if (ctx.isNewTable(table)) {
            return Optional.of(created(ctx, table));
        }
        if (ctx.liveTable(table).isEmpty()) {
            return Optional.of(table + " does not exist in the database yet: checked when apply runs the step");
        }
        Optional<Table> current = ctx.table(table);
        List<String> mentioned = new ArrayList<>();
        for (Column column : current.map(Table::columns).orElse(List.of())) {
            boolean moved = ctx.isNewColumn(table, column.name())
                    || !ctx.liveColumn(table, column.name()).orElse(column.name()).equals(column.name());
            if (moved && expressions.stream().anyMatch(e -> mentions(e, column.name()))) {
                return Optional.of("it refers to " + column.name() + ", added or renamed earlier in this plan: checked "
                        + "when apply runs the step");
            }
            if (expressions.stream().anyMatch(e -> mentions(e, column.name()))) {
                mentioned.add(column.name());
            }
        }
        return changedEarlier(ctx, table, mentioned);
    }

    /** An earlier step of the plan that changes this data first, so the live rows say nothing yet. */
    private static Optional<String> changedEarlier(RiskContext ctx, TableName table, Collection<String> columns) {
        for (Operation earlier : ctx.earlier()) {
            if (earlier instanceof Backfill backfill && backfill.table().equals(table)
                    && (columns.isEmpty() || backfill.set().keySet().stream().anyMatch(columns::contains))) {
                return Optional.of("an earlier step (" + backfill.summary() + ") changes the data first: checked when "
                        + "apply runs the step");
            }
            if (earlier instanceof AlterColumnType alter && alter.table().equals(table) && alter.using() != null
                    && columns.contains(alter.column())) {
                return Optional.of("an earlier step (" + alter.summary() + ") converts the values first: checked when "
                        + "apply runs the step");
            }
            if (earlier instanceof RawSql raw && (mentions(raw.sql(), table.name())
                    || ctx.liveTable(table).map(l -> mentions(raw.sql(), l.name())).orElse(false))) {
                return Optional.of("earlier raw SQL mentions " + table.name() + " and may change its data: checked "
                        + "when apply runs the step");
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String sql, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])", Pattern.CASE_INSENSITIVE)
                .matcher(sql).find();
    }

    private static List<String> withPredicate(List<String> keys, String predicate) {
        List<String> all = new ArrayList<>(keys);
        if (predicate != null) {
            all.add(predicate);
        }
        return all;
    }

    /** An index key without its ordering, NULLS placement or operator class: what to group by. */
    static String keyExpression(String key) {
        String k = key.trim().replaceAll("(?i)\\s+NULLS\\s+(FIRST|LAST)$", "").replaceAll("(?i)\\s+(ASC|DESC)$", "");
        // "email text_pattern_ops": a plain column followed by an operator class
        return k.replaceAll("^(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s+[A-Za-z_][\\w$.]*$", "$1");
    }

    private static boolean provesNotNull(String expression, String column) {
        String e = expression.replaceAll("[()\\s]", "").replace("\"", "").toLowerCase(Locale.ROOT);
        return e.equals(column.replace("\"", "").toLowerCase(Locale.ROOT) + "isnotnull");
    }

    private static boolean isSerial(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.endsWith("serial") || t.equals("serial2") || t.equals("serial4") || t.equals("serial8");
    }

    private static String created(RiskContext ctx, TableName table) {
        return ctx.rawSqlEarlier() ? table + " is created earlier in this plan, and raw SQL since may have filled it: "
                + "not checkable before apply, so PostgreSQL's own check when the step runs is the only one"
                : table + " is created earlier in this plan: it is empty, so there is nothing to check";
    }

    private static String parenthesized(String expression) {
        String e = expression.trim();
        return e.startsWith("(") && e.endsWith(")") ? e : "(" + e + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
