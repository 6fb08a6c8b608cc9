package dev.zanith.internal.verify;

import dev.zanith.api.DiffOptions;
import dev.zanith.internal.diff.Differ;
import dev.zanith.api.DropStrategy;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.internal.introspect.LiveDefinitions;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.risk.Assessment;
import dev.zanith.internal.risk.FunctionCalls;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.risk.Volatility;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level raw SQL earns from what it was observed to do, statement by statement: the worst of
 * <ul>
 *   <li>what its effect on the schema would score as typed operations (renames as renames, an index built outside
 *       a transaction under SHARE UPDATE EXCLUSIVE as a concurrent build, a constraint that adopted an existing
 *       index as {@code USING INDEX}), classified in the context of the statement — function volatility from the
 *       shadow's {@code pg_proc}, table sizes from the live database; and</li>
 *   <li>every lock it held, scored by {@link RiskModel#lockScore} from its mode, the table's size and what the
 *       statement did under it (rewrite, index build, scan). Inside a transaction a lock is held until commit, so
 *       a later statement's scan extends a strong lock an earlier one took.</li>
 * </ul>
 */
final class RawSqlDerivation {

    /**
     * Statements about kinds of object the shadow never recreates (rules, event triggers, aggregates, partitions:
     * neither the schema graph nor the live catalog's definitions verify replays cover them): on the shadow they fail
     * or touch nothing, so what they would lock or change on the live database was not observed.
     */
    private static final Pattern UNREHEARSABLE = Pattern.compile(
            "^\\s*(?:(?:ALTER|DROP|COMMENT\\s+ON)\\s+(?:AGGREGATE|EVENT\\s+TRIGGER|RULE)\\b"
                    + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:RULE|EVENT\\s+TRIGGER|AGGREGATE)\\b"
                    + "|ALTER\\s+TABLE\\b.*?\\b(?:ATTACH\\s+PARTITION|DETACH\\s+PARTITION)\\b"
                    + "|CREATE\\s+TABLE\\b.*?\\bPARTITION\\s+OF\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Why the shadow cannot rehearse {@code sql} faithfully, or null when it can: a statement of a kind the shadow
     * never has, or one that names an object of the live database the shadow lacks ({@code missing}: partitioned
     * tables, or a definition that could not be recreated).
     */
    static String unrehearsable(String sql, List<LiveDefinitions.Definition> missing) {
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        String statement = text.trim().replaceAll("\\s+", " ");
        statement = statement.length() > 80 ? statement.substring(0, 77) + "..." : statement;
        if (UNREHEARSABLE.matcher(text).find()) {
            return statement + ": the shadow has no rules, event triggers, aggregates or partitions, so what this "
                    + "statement locks and changes there was not observed";
        }
        for (LiveDefinitions.Definition object : missing) {
            if (Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(object.name()) + "\"?(?![\\w$])",
                    Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                return statement + ": it names " + object.object() + ", which the shadow lacks, so what this statement "
                        + "locks and changes there was not observed";
            }
        }
        return null;
    }

    /** Volatility and domains as the catalog (the shadow's) has them. */
    interface Catalog {
        Map<String, Volatility> volatility(Set<String> functions) throws SQLException;

        Map<String, CatalogFacts.Domain> domains() throws SQLException;
    }

    private final RiskContext.Builder base;
    private final Catalog catalog;
    private RiskContext context;
    private final List<Assessment> effects = new ArrayList<>();
    private final List<Operation> inferred = new ArrayList<>();
    private final Set<String> lockNotes = new LinkedHashSet<>();
    private final List<String> notRehearsed = new ArrayList<>();
    private int lockScore;
    private boolean rewrote;
    private boolean rebuiltIndexes;

    /** @param start the schema before the raw step's first statement */
    RawSqlDerivation(RiskContext.Builder base, SchemaGraph start, Catalog catalog) throws SQLException {
        this.base = base;
        this.catalog = catalog;
        this.context = base.live(start).domains(catalog.domains()).build();
    }

    /** One statement: the schema before and after it, and what the observer saw. */
    void statement(SchemaGraph before, SchemaGraph after, StepObserver.Facts facts, boolean inTransaction)
            throws SQLException {
        rewrote |= !facts.rewrittenTables().isEmpty();
        rebuiltIndexes |= !facts.rebuiltIndexes().isEmpty();
        List<Operation> ops = effects(before, after, facts, inTransaction);
        Set<String> functions = new HashSet<>();
        ops.stream().filter(o -> o instanceof AddColumn).forEach(o -> functions.addAll(FunctionCalls.names(
                ((AddColumn) o).column().defaultExpression())));
        if (!functions.isEmpty()) {
            context = context.withVolatility(catalog.volatility(functions));
        }
        for (Operation op : ops) {
            inferred.add(op);
            effects.add(RiskModel.classify(op, context));
            context = context.after(op);
        }
        facts.tableLocks().forEach((table, mode) -> {
            String held = facts.held(table);
            TableName name = tableName(table);
            int score = RiskModel.lockScore(mode, held, name, context);
            if (score > lockScore) {
                lockScore = score;
            }
            if (!TableLock.BRIEF.equals(held) && mode.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) > 0) {
                lockNotes.add(mode.sql() + " on " + table + " held through a " + held
                        + (inTransaction ? " (locks are held until the file commits)" : ""));
            }
        });
    }

    /**
     * The schema change as typed operations: renames the observer saw (same object, new name) are renames, not a
     * drop and an add; an index built or dropped outside a transaction without SHARE on its table was built or
     * dropped concurrently; a constraint whose index existed before the statement adopted it (USING INDEX).
     */
    private static List<Operation> effects(SchemaGraph before, SchemaGraph after, StepObserver.Facts facts,
                                           boolean inTransaction) {
        List<Operation> ops = new ArrayList<>(Differ.diff(before, after,
                new DiffOptions(DropStrategy.HARD, facts.changes().renames(), false)).operations());
        Map<String, String> kept = facts.changes().keptIndexes();
        Set<String> adopted = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op instanceof AddIndex add && !inTransaction && concurrent(facts, add.table())) {
                ops.set(i, new AddIndex(add.table(), add.index(), true));
            } else if (op instanceof DropIndex drop && !inTransaction && concurrent(facts, drop.table())) {
                ops.set(i, new DropIndex(drop.table(), drop.name(), drop.definition(), true));
            } else if (op instanceof AddUniqueConstraint add && add.usingIndex() == null) {
                String source = adoptedIndex(kept, add.table(), add.constraint().name());
                if (source != null) {
                    adopted.add(source);
                    ops.set(i, new AddUniqueConstraint(add.table(), add.constraint(), source));
                }
            } else if (op instanceof AddPrimaryKey add && add.usingIndex() == null) {
                String source = adoptedIndex(kept, add.table(), add.primaryKey().name());
                if (source != null) {
                    adopted.add(source);
                    ops.set(i, new AddPrimaryKey(add.table(), add.primaryKey(), source));
                }
            }
        }
        ops.removeIf(op -> op instanceof DropIndex drop && adopted.contains(drop.name()));
        return ops;
    }

    /** An index that existed before the statement and now backs the constraint {@code name} (possibly renamed). */
    private static String adoptedIndex(Map<String, String> kept, TableName table, String name) {
        String now = table.schema() + "." + name;
        return kept.entrySet().stream().filter(e -> e.getValue().equals(now)).map(e -> e.getKey()
                .substring(e.getKey().indexOf('.') + 1)).findFirst().orElse(null);
    }

    /** Whether the table was locked no stronger than SHARE UPDATE EXCLUSIVE: writes went on during the build. */
    private static boolean concurrent(StepObserver.Facts facts, TableName table) {
        LockMode mode = facts.tableLocks().get(table.toString());
        return mode != null && mode.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) <= 0;
    }

    private static TableName tableName(String qualified) {
        int dot = qualified.indexOf('.');
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** A statement the shadow could not rehearse (see {@link #unrehearsable}): the level stays at least unknown. */
    void notRehearsed(String why) {
        notRehearsed.add(why);
    }

    /** Why statements of this step could not be rehearsed, one sentence each. */
    List<String> notRehearsed() {
        return List.copyOf(notRehearsed);
    }

    /** The inferred operations, in order. */
    List<Operation> inferred() {
        return List.copyOf(inferred);
    }

    /** "medium 40 (raw_sql, adds_check_constraint): ACCESS EXCLUSIVE on public.users held through a scan (...)". */
    String level() {
        int score = Math.max(lockScore, effects.stream().mapToInt(Assessment::score).max().orElse(0));
        if (!notRehearsed.isEmpty()) {
            // Never "safe" by absence: what was not observed leaves the step where hand-written SQL starts.
            score = Math.max(score, RiskModel.RAW_SQL_SCORE);
            lockNotes.add(notRehearsed.size() + " statement(s) not rehearsed");
        }
        Set<String> reasons = new LinkedHashSet<>();
        reasons.add(ReasonCode.RAW_SQL.code());
        effects.forEach(a -> a.reasons().forEach(r -> reasons.add(r.code())));
        if (rewrote) {
            reasons.add(ReasonCode.REBUILDS_TABLE.code());
        }
        if (rebuiltIndexes && !rewrote) {
            reasons.add(ReasonCode.REBUILDS_INDEX.code());
        }
        return RiskLevel.of(score).name().toLowerCase(Locale.ROOT) + " " + score + " (" + String.join(", ", reasons) + ")"
                + (lockNotes.isEmpty() ? "" : ": " + String.join("; ", lockNotes));
    }
}
