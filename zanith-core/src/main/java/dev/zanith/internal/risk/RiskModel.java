package dev.zanith.internal.risk;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.ColumnType;
import dev.zanith.api.risk.Facts;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.risk.TypeChange;
import dev.zanith.api.risk.Volatility;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.AlterSequence;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreatePolicy;
import dev.zanith.api.ops.DisableRls;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropDefault;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIdentity;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropNotNull;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropPrimaryKey;
import dev.zanith.api.ops.DropUniqueConstraint;
import dev.zanith.api.ops.EnableRls;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RebuildTable;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.ops.SetIdentity;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classifier: one operation in its context → level, score, reasons, facts and the notes behind them.
 * Pure: everything it needs is in the {@link RiskContext}. Scores depend on the context where reality does
 * — the same index build is safe on an empty table and high on one with 50 million rows — and the notes
 * say which fact moved them.
 */
public final class RiskModel {

    /** The score of hand-written SQL: inside the UNKNOWN band. */
    public static final int RAW_SQL_SCORE = 55;

    private static final Pattern RAW_DATA_LOSS = Pattern.compile(
            "\\bDROP\\s+(?:TABLE|SCHEMA|DATABASE|COLUMN|MATERIALIZED\\s+VIEW)\\b|\\bTRUNCATE\\b|\\bDELETE\\s+FROM\\b"
                    + "|\\bALTER\\s+TABLE\\b[^;]*?\\bDROP\\s+(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b)",
            Pattern.CASE_INSENSITIVE);

    private RiskModel() {
    }

    /** Classifies {@code op} where {@code context} says it runs. */
    public static Assessment classify(Operation op, RiskContext context) {
        Scoring s = new Scoring(op, context);
        switch (op.kind()) {
            case CREATE_SCHEMA -> s.reason(ReasonCode.CREATES_SCHEMA).score(2);
            case CREATE_EXTENSION -> createExtension(s, (CreateExtension) op);
            case CREATE_ENUM -> s.reason(ReasonCode.CREATES_TYPE).score(2);
            case ADD_ENUM_VALUE -> addEnumValue(s);
            case CREATE_SEQUENCE -> s.reason(ReasonCode.CREATES_SEQUENCE).score(2);
            case CREATE_TABLE -> s.reason(ReasonCode.CREATES_TABLE).lock(op.target(), LockMode.ACCESS_EXCLUSIVE,
                    TableLock.BRIEF).note("a new table: nobody waits for its lock").score(1);
            case ADD_COLUMN -> addColumn(s, (AddColumn) op);
            case ADD_INDEX -> addIndex(s, (AddIndex) op);
            case ADD_PRIMARY_KEY -> addPrimaryKey(s, (AddPrimaryKey) op);
            case ADD_UNIQUE_CONSTRAINT -> addUnique(s, (AddUniqueConstraint) op);
            case ADD_FOREIGN_KEY -> addForeignKey(s, (AddForeignKey) op);
            case ADD_CHECK_CONSTRAINT -> addCheck(s, (AddCheckConstraint) op);
            case DROP_TABLE -> dropTable(s, op.target());
            case DROP_COLUMN -> dropColumn(s, (DropColumn) op);
            case DROP_INDEX -> dropIndex(s, (DropIndex) op);
            case DROP_PRIMARY_KEY -> dropPrimaryKey(s, (DropPrimaryKey) op);
            case DROP_UNIQUE_CONSTRAINT -> dropUnique(s, (DropUniqueConstraint) op);
            case DROP_FOREIGN_KEY -> dropForeignKey(s, (DropForeignKey) op);
            case DROP_CHECK_CONSTRAINT -> dropCheck(s, (DropCheckConstraint) op);
            case DROP_EXTENSION -> s.reason(ReasonCode.DROPS_EXTENSION).breaksClients(true)
                    .note("fails while anything still uses it (no CASCADE); objects the extension owns go with it")
                    .score(70);
            case DROP_ENUM -> s.reason(ReasonCode.DROPS_TYPE).note("fails while a column still uses the type").score(15);
            case DROP_SEQUENCE -> s.reason(ReasonCode.DROPS_SEQUENCE).breaksClients(true)
                    .note("its current value is lost; fails while a default still calls nextval on it").score(30);
            case DROP_SCHEMA -> s.reason(ReasonCode.DROPS_SCHEMA)
                    .note("RESTRICT: fails while the schema still holds anything, so nothing goes with it unseen").score(15);
            case ALTER_COLUMN_TYPE -> alterColumnType(s, (AlterColumnType) op);
            case SET_NOT_NULL -> setNotNull(s, (SetNotNull) op);
            case DROP_NOT_NULL -> dropNotNull(s, (DropNotNull) op);
            case SET_DEFAULT -> s.reason(ReasonCode.CHANGES_DEFAULT).lock(op.target(), LockMode.ACCESS_EXCLUSIVE,
                    TableLock.BRIEF).note("only rows inserted later get the new default: no rewrite, whatever its "
                    + "volatility").score(10);
            case DROP_DEFAULT -> dropDefault(s, (DropDefault) op);
            case SET_IDENTITY -> setIdentity(s, (SetIdentity) op);
            case DROP_IDENTITY -> dropIdentity(s, (DropIdentity) op);
            case ALTER_SEQUENCE -> alterSequence(s, (AlterSequence) op);
            case SET_COMMENT -> setComment(s, (SetComment) op);
            case RENAME_TABLE -> rename(s, ReasonCode.RENAME_TABLE, s.context.isNewTable(op.target()),
                    "every query naming " + op.target() + " fails until clients use the new name",
                    "expand-contract: move clients first (a view under the old name can bridge), then rename");
            case RENAME_COLUMN -> {
                RenameColumn rename = (RenameColumn) op;
                rename(s, ReasonCode.RENAME_COLUMN, s.context.isNewColumn(rename.table(), rename.column()),
                        "every query naming " + rename.column() + " fails until clients use " + rename.newName(),
                        "expand-contract: add the new column, write both, backfill, move readers, then soft-drop the old");
            }
            case RENAME_INDEX -> s.reason(ReasonCode.RENAME_INDEX)
                    .note("locks only the index (SHARE UPDATE EXCLUSIVE); tools and hints naming it must follow").score(3);
            case RENAME_CONSTRAINT -> s.reason(ReasonCode.RENAME_CONSTRAINT)
                    .lock(op.target(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).breaksClients(true)
                    .note("INSERT ... ON CONFLICT ON CONSTRAINT with the old name stops working").score(12);
            case RENAME_SEQUENCE -> s.reason(ReasonCode.RENAME_SEQUENCE).breaksClients(true)
                    .note("defaults follow it by oid; code calling nextval('old name') breaks").score(12);
            case RENAME_ENUM -> s.reason(ReasonCode.RENAME_TYPE).breaksClients(true)
                    .note("columns follow the type by oid; SQL casting to the old name ('x'::old_name) breaks").score(12);
            case ENABLE_RLS -> enableRls(s, (EnableRls) op);
            case DISABLE_RLS -> disableRls(s, (DisableRls) op);
            case CREATE_POLICY -> policy(s, op.target(), true, ((CreatePolicy) op).policy().permissive());
            case DROP_POLICY -> dropPolicy(s, (DropPolicy) op);
            case SOFT_DROP_COLUMN -> safeAlternative(s, ReasonCode.SOFT_DROPS_COLUMN,
                    "the column is parked under a reserved name: zanith recover restore-column brings it back");
            case SOFT_DROP_TABLE -> safeAlternative(s, ReasonCode.SOFT_DROPS_TABLE,
                    "the table is parked under a reserved name: zanith recover restore-table brings it back");
            case ARCHIVE_COLUMN -> archiveColumn(s, (ArchiveColumn) op);
            case ARCHIVE_TABLE -> safeAlternative(s, ReasonCode.ARCHIVES_TABLE,
                    "the table moves to the archive schema: zanith recover restore-table brings it back");
            case BACKFILL -> backfill(s, (Backfill) op);
            case REBUILD_TABLE -> rebuildTable(s, (RebuildTable) op);
            case VALIDATE_CONSTRAINT -> validate(s, (ValidateConstraint) op);
            case RAW_SQL -> rawSql(s, (RawSql) op);
            case CREATE_DOMAIN, CREATE_COMPOSITE_TYPE, CREATE_RANGE_TYPE -> s.reason(ReasonCode.CREATES_TYPE).score(2);
            case DROP_DOMAIN, DROP_COMPOSITE_TYPE, DROP_RANGE_TYPE -> s.reason(ReasonCode.DROPS_TYPE)
                    .note("fails while a column or another type still uses it").score(15);
            case SET_DOMAIN_DEFAULT -> s.reason(ReasonCode.CHANGES_DEFAULT)
                    .note("only values stored later get the new default; no row is touched").score(5);
            case SET_DOMAIN_NOT_NULL -> setDomainNotNull(s, (dev.zanith.api.ops.SetDomainNotNull) op);
            case ADD_DOMAIN_CONSTRAINT -> addDomainConstraint(s, (dev.zanith.api.ops.AddDomainConstraint) op);
            case VALIDATE_DOMAIN_CONSTRAINT -> validateDomainConstraint(s, (dev.zanith.api.ops.ValidateDomainConstraint) op);
            case DROP_DOMAIN_CONSTRAINT -> s.reason(ReasonCode.DROPS_DOMAIN_CONSTRAINT)
                    .note("values the check rejected become possible").score(15);
            case ADD_TYPE_ATTRIBUTE -> s.reason(ReasonCode.CHANGES_TYPE_ATTRIBUTE).breaksClients(true)
                    .note("values already stored read the new attribute as NULL; no table is rewritten").score(10);
            case DROP_TYPE_ATTRIBUTE -> dropTypeAttribute(s, (dev.zanith.api.ops.DropTypeAttribute) op);
            case ADD_EXCLUSION_CONSTRAINT -> addExclusion(s, (dev.zanith.api.ops.AddExclusionConstraint) op);
            case DROP_EXCLUSION_CONSTRAINT -> s.reason(ReasonCode.DROPS_EXCLUSION_CONSTRAINT)
                    .lock(op.target(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("conflicting rows become possible; its index is dropped with it")
                    .score(s.context.isNewTable(op.target()) ? 3 : 15);
            case CREATE_STATISTICS -> s.reason(ReasonCode.CREATES_STATISTICS)
                    .lock(op.target(), LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF)
                    .note("reads and writes go on; the statistics are empty until the next ANALYZE").score(3);
            case DROP_STATISTICS -> s.reason(ReasonCode.DROPS_STATISTICS)
                    .lock(op.target(), LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF)
                    .note("plans lose the estimates it gave").score(8);
            case CREATE_VIEW, REPLACE_VIEW, DROP_VIEW, CREATE_MATERIALIZED_VIEW, DROP_MATERIALIZED_VIEW,
                 REFRESH_MATERIALIZED_VIEW -> ViewRisk.classify(s, op);
            case CREATE_FUNCTION, REPLACE_FUNCTION, DROP_FUNCTION, CREATE_TRIGGER, REPLACE_TRIGGER, DROP_TRIGGER,
                 ENABLE_TRIGGER, DISABLE_TRIGGER, CREATE_EVENT_TRIGGER, DROP_EVENT_TRIGGER -> RoutineRisk.classify(s);
            case CREATE_PARTITION -> createPartition(s, (dev.zanith.api.ops.CreatePartition) op);
            case ATTACH_PARTITION -> attachPartition(s, (dev.zanith.api.ops.AttachPartition) op);
            case ADD_PARTITIONED_INDEX -> addPartitionedIndex(s, (dev.zanith.api.ops.AddPartitionedIndex) op);
            case DETACH_PARTITION -> detachPartition(s, (dev.zanith.api.ops.DetachPartition) op);
            case DROP_PARTITION -> dropPartition(s, (dev.zanith.api.ops.DropPartition) op);
            case ALTER_DEFAULT_PRIVILEGES -> defaultPrivileges(s, (dev.zanith.api.ops.AlterDefaultPrivileges) op);
            case GRANT_PRIVILEGES -> grantPrivileges(s, (dev.zanith.api.ops.GrantPrivileges) op);
            case REVOKE_PRIVILEGES -> revokePrivileges(s, (dev.zanith.api.ops.RevokePrivileges) op);
            case SET_STORAGE_PARAMETERS -> storageParameters(s, (dev.zanith.api.ops.SetStorageParameters) op);
            case SET_PERSISTENCE -> persistence(s, (dev.zanith.api.ops.SetPersistence) op);
        }
        return s.build();
    }

    /**
     * The score a lock earns from its mode, how long it is held ({@link TableLock#BRIEF}, {@code scan}, {@code build},
     * {@code rewrite}) and the table's size, in the bands the typed operations use for the same facts: ACCESS
     * EXCLUSIVE through a rewrite scores like a rewriting addColumn, through a scan or build like setNotNull; SHARE
     * through a build like a blocking addIndex; SHARE ROW EXCLUSIVE or EXCLUSIVE through a scan like a validated
     * addForeignKey; anything weaker through a scan like validateConstraint. A brief ACCESS EXCLUSIVE still queues
     * every read behind it (low 10); a brief lock that blocks writes is safe 5, weaker ones 0. Used by verify to score
     * what raw SQL was observed to do, so an observed lock and a predicted one cost the same.
     */
    public static int lockScore(LockMode mode, String held, TableName table, RiskContext context) {
        if (TableLock.BRIEF.equals(held)) {
            return mode == LockMode.ACCESS_EXCLUSIVE ? 10 : mode.compareTo(LockMode.SHARE) >= 0 ? 5 : 0;
        }
        int[] band = mode == LockMode.ACCESS_EXCLUSIVE
                ? TableLock.REWRITE.equals(held) ? new int[]{5, 45, 70, 78} : new int[]{5, 40, 70, 78}
                : mode == LockMode.SHARE ? new int[]{3, 30, 65, 75}
                : mode.compareTo(LockMode.SHARE) > 0 ? new int[]{5, 35, 65, 75} : new int[]{2, 10, 18, 28};
        return band[context.tier(table).ordinal()];
    }

    // ---- additions ------------------------------------------------------------------------------------------

    private static void createExtension(Scoring s, CreateExtension op) {
        s.reason(ReasonCode.ADDS_EXTENSION);
        if (s.context.graph().extensions().stream().anyMatch(e -> e.name().equals(op.name()))) {
            s.note("extension " + op.name() + " is already installed: IF NOT EXISTS makes this a no-op").score(2);
            return;
        }
        s.note("runs the extension's install script; needs a superuser unless the extension is trusted").score(15);
    }

    private static void addEnumValue(Scoring s) {
        s.reason(ReasonCode.ADDS_ENUM_VALUE);
        if (s.context.server().atLeast(12)) {
            s.note("PostgreSQL " + s.context.server().major() + ": runs inside a transaction; the value is usable after "
                    + "commit").score(5);
        } else {
            s.transactional(false).note("before PostgreSQL 12 ADD VALUE cannot run inside a transaction block").score(15);
        }
    }

    private static void addColumn(Scoring s, AddColumn op) {
        Column column = op.column();
        TableName table = op.table();
        boolean newTable = s.context.isNewTable(table);
        String rewriteCause = rewriteCause(s, column);
        boolean hasDefault = column.defaultExpression() != null && !column.defaultExpression().trim()
                .equalsIgnoreCase("null");
        boolean generatedOrNumbered = column.identity() != null || column.generated() != null
                || isSerial(column.type());
        if (rewriteCause != null) {
            s.reason(hasDefault || generatedOrNumbered ? ReasonCode.ADDS_COLUMN_WITH_DEFAULT : ReasonCode.ADDS_NULLABLE_COLUMN)
                    .reason(ReasonCode.REBUILDS_TABLE).note(rewriteCause)
                    .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.REWRITE).rewrite(true).scan(true)
                    .sized(table, 5, 45, 70, 78)
                    .hint("add the column without a default (or with a constant one), then backfill it in batches");
            return;
        }
        s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (column.notNull() && !hasDefault && !generatedOrNumbered) {
            s.reason(ReasonCode.ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT).breaksClients(true)
                    .note("inserts that omit " + column.name() + " fail");
            if (s.context.tier(table) == SizeTier.EMPTY) {
                s.note(s.context.sizeNote(table) + ": no existing row needs a value").score(5);
            } else {
                s.note("fails on a table with rows: every existing row would need a value").score(40)
                        .hint("add it nullable or with a default, backfill, then setNotNull");
            }
            return;
        }
        if (hasDefault || generatedOrNumbered) {
            s.reason(ReasonCode.ADDS_COLUMN_WITH_DEFAULT);
            if (newTable) {
                s.note(s.context.sizeNote(table)).score(5);
            } else {
                s.note("PostgreSQL " + s.context.server().major() + ": fast default, no rewrite (the value is stored "
                        + "once in the catalog)").score(10);
            }
            return;
        }
        s.reason(ReasonCode.ADDS_NULLABLE_COLUMN).note("catalog change only: existing rows read NULL").score(5);
    }

    /** Why adding this column rewrites the table, or null when it does not. */
    private static String rewriteCause(Scoring s, Column column) {
        if (column.generated() != null) {
            if (!column.generated().stored() && s.context.server().atLeast(18)) {
                return null;
            }
            return "a stored generated column is computed for every existing row: the table is rewritten";
        }
        if (column.identity() != null) {
            return "an identity column numbers every existing row: the table is rewritten";
        }
        if (isSerial(column.type())) {
            return "a serial column calls nextval() for every existing row: the table is rewritten";
        }
        if (s.context.domainHasConstraints(column.type()).orElse(false)) {
            return "the domain " + column.type() + " has constraints (pg_constraint): every existing row is checked "
                    + "against them and the table is rewritten, default or not";
        }
        String expression = column.defaultExpression();
        if (expression == null || expression.trim().equalsIgnoreCase("null")) {
            return null;
        }
        if (!s.context.server().atLeast(11)) {
            return "PostgreSQL " + s.context.server().major() + " has no fast defaults (they came in 11): the table "
                    + "is rewritten";
        }
        Set<String> functions = FunctionCalls.names(expression);
        List<String> volatileOnes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String function : functions) {
            Optional<Volatility> v = s.context.volatility(function);
            if (v.isEmpty()) {
                unknown.add(function);
            } else if (v.get() == Volatility.VOLATILE) {
                volatileOnes.add(function);
            }
        }
        if (!volatileOnes.isEmpty()) {
            return "the default calls " + String.join(", ", volatileOnes.stream().map(f -> f + "()").toList())
                    + ", volatile in pg_proc: every existing row gets its own value, so the table is rewritten";
        }
        if (!unknown.isEmpty()) {
            return "the default calls " + String.join(", ", unknown.stream().map(f -> f + "()").toList())
                    + ", not found in pg_proc: assumed volatile, so the table is rewritten";
        }
        if (!functions.isEmpty()) {
            s.note("the default calls " + String.join(", ", functions.stream().map(f -> f + "()").toList())
                    + ": not volatile in pg_proc, so it is evaluated once");
        }
        return null;
    }

    private static boolean isSerial(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.equals("serial") || t.equals("bigserial") || t.equals("smallserial") || t.equals("serial2")
                || t.equals("serial4") || t.equals("serial8");
    }

    private static void addIndex(Scoring s, AddIndex op) {
        TableName table = op.table();
        s.reason(ReasonCode.ADDS_INDEX).scan(true).rewrite(false);
        int bump = 0;
        if (op.index().unique()) {
            s.reason(ReasonCode.ADDS_UNIQUE_CONSTRAINT).breaksClients(true)
                    .note("a unique index fails on duplicate keys, and later writes of duplicates fail");
            bump = 3;
        }
        if (op.concurrently()) {
            s.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BUILD).transactional(false)
                    .note("CONCURRENTLY: reads and writes continue during the build; runs outside a transaction, and a "
                            + "failed build leaves an INVALID index to drop before retrying")
                    .sized(table, 3 + bump, 12 + bump, 22 + bump, 35 + bump);
            if (s.context.server().major() == 14 && s.context.server().minor() < 4) {
                s.note("PostgreSQL " + s.context.server() + " can corrupt indexes built CONCURRENTLY (fixed in 14.4): "
                        + "upgrade first").score(Math.min(RiskLevel.MEDIUM.max(), s.score + 20));
            }
        } else {
            s.lock(table, LockMode.SHARE, TableLock.BUILD).note("blocks writes to " + table + " until the build ends")
                    .sized(table, 3 + bump, 30 + bump, 65 + bump, 75 + bump);
            if (s.context.tier(table) != SizeTier.EMPTY) {
                s.hint("build it with concurrently: true");
            }
        }
    }

    private static void addPrimaryKey(Scoring s, AddPrimaryKey op) {
        TableName table = op.table();
        s.reason(ReasonCode.ADDS_PRIMARY_KEY).breaksClients(true);
        List<String> nullable = op.primaryKey().columns().stream()
                .filter(c -> s.context.column(table, c).map(col -> !col.notNull()).orElse(false)).toList();
        if (op.usingIndex() != null) {
            s.note("adopts the unique index " + op.usingIndex() + " built beforehand");
            if (nullable.isEmpty()) {
                s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).score(12);
                return;
            }
            s.reason(ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL).scan(true)
                    .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.SCAN)
                    .note(String.join(", ", nullable) + " become NOT NULL: every row is checked under the lock")
                    .sized(table, 5, 40, 70, 78)
                    .hint("make the columns NOT NULL first (CHECK ... IS NOT NULL NOT VALID, validate, setNotNull)");
            return;
        }
        s.reason(ReasonCode.ADDS_INDEX).scan(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BUILD)
                .note("builds its index while holding ACCESS EXCLUSIVE: reads and writes wait")
                .sized(table, 5, 40, 70, 78);
        if (s.context.tier(table) != SizeTier.EMPTY) {
            s.hint("add a unique index concurrently first, then addPrimaryKey with usingIndex");
        }
    }

    private static void addUnique(Scoring s, AddUniqueConstraint op) {
        TableName table = op.table();
        s.reason(ReasonCode.ADDS_UNIQUE_CONSTRAINT).breaksClients(true);
        if (op.usingIndex() != null) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("adopts the unique index " + op.usingIndex() + " built beforehand: no scan").score(12);
            return;
        }
        s.reason(ReasonCode.ADDS_INDEX).scan(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BUILD)
                .note("builds its index while holding ACCESS EXCLUSIVE: reads and writes wait")
                .sized(table, 5, 40, 70, 78);
        if (s.context.tier(table) != SizeTier.EMPTY) {
            s.hint("add a unique index concurrently first, then addUniqueConstraint with usingIndex");
        }
    }

    private static void addForeignKey(Scoring s, AddForeignKey op) {
        TableName table = op.table();
        ForeignKey fk = op.foreignKey();
        s.reason(ReasonCode.ADDS_FOREIGN_KEY).breaksClients(true);
        boolean referencedOther = !fk.referenced().equals(table);
        String held = op.notValid() ? TableLock.BRIEF : TableLock.SCAN;
        s.lock(table, LockMode.SHARE_ROW_EXCLUSIVE, held);
        if (referencedOther) {
            s.lock(fk.referenced(), LockMode.SHARE_ROW_EXCLUSIVE, held);
        }
        if (!indexed(s.context.table(table).orElse(null), fk.columns())) {
            s.note("no index starts with (" + String.join(", ", fk.columns()) + "): deletes and key updates on "
                    + fk.referenced() + " scan " + table);
        }
        if (op.notValid()) {
            s.note("NOT VALID: existing rows are not checked now; validateConstraint checks them without blocking writes")
                    .score(15);
            return;
        }
        s.scan(true).note("checks every existing row while blocking writes to " + table
                        + (referencedOther ? " and " + fk.referenced() : ""))
                .sized(table, 5, 35, 65, 75);
        if (s.context.tier(table) != SizeTier.EMPTY) {
            s.hint("add it with notValid: true, then validateConstraint");
        }
    }

    private static boolean indexed(Table table, List<String> columns) {
        if (table == null) {
            return true;
        }
        List<List<String>> leads = new ArrayList<>();
        if (table.primaryKey() != null) {
            leads.add(table.primaryKey().columns());
        }
        table.uniqueConstraints().forEach(u -> leads.add(u.columns()));
        for (Index i : table.indexes()) {
            leads.add(i.keys().stream().map(k -> k.replace("\"", "").split(" ")[0]).toList());
        }
        return leads.stream().anyMatch(lead -> lead.size() >= columns.size()
                && new LinkedHashSet<>(lead.subList(0, columns.size())).equals(new LinkedHashSet<>(columns)));
    }

    private static void addCheck(Scoring s, AddCheckConstraint op) {
        TableName table = op.table();
        s.reason(ReasonCode.ADDS_CHECK_CONSTRAINT).breaksClients(true);
        if (op.notValid()) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("NOT VALID: existing rows are not checked now; validateConstraint checks them without blocking")
                    .score(10);
            return;
        }
        s.scan(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.SCAN)
                .note("checks every existing row while holding ACCESS EXCLUSIVE: reads and writes wait")
                .sized(table, 5, 40, 70, 78);
        if (s.context.tier(table) != SizeTier.EMPTY) {
            s.hint("add it with notValid: true, then validateConstraint");
        }
    }

    // ---- removals -------------------------------------------------------------------------------------------

    private static void dropTable(Scoring s, TableName table) {
        s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        Optional<Table> definition = s.context.table(table);
        definition.ifPresent(t -> t.foreignKeys().stream().map(ForeignKey::referenced).filter(r -> !r.equals(table))
                .forEach(r -> s.lock(r, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)));
        for (Table other : s.context.graph().tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (fk.referenced().equals(table) && !other.qualifiedName().equals(table)) {
                    s.note("referenced by " + other.qualifiedName() + " (" + fk.name() + "): the drop fails until that "
                            + "foreign key is dropped");
                }
            }
        }
        Optional<Boolean> data = s.context.holdsData(table, null);
        if (s.context.isNewTable(table) && data.isPresent()) {
            s.reason(ReasonCode.DROPS_EMPTY_TABLE).dataLoss(false).breaksClients(false)
                    .note(s.context.sizeNote(table)).score(5);
            return;
        }
        if (data.isPresent() && !data.get()) {
            s.reason(ReasonCode.DROPS_EMPTY_TABLE).dataLoss(false).breaksClients(true)
                    .note(table + " holds no rows; clients still using it break").score(35);
            return;
        }
        s.reason(ReasonCode.DROPS_TABLE_WITH_DATA).dataLoss(true).breaksClients(true)
                .hint("softDropTable or archiveTable keep it restorable until cleanup");
        if (data.isEmpty()) {
            s.note("whether it holds rows was not checked: assumed it does");
        }
        s.sizedAtLeastSmall(table, 90, 94, 98);
    }

    private static void dropColumn(Scoring s, DropColumn op) {
        TableName table = op.table();
        s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("the column disappears from the catalog; its space is reclaimed by later rewrites");
        List<String> dependents = dependents(s.context.table(table).orElse(null), op.column());
        if (!dependents.isEmpty()) {
            s.note("drops " + String.join(", ", dependents) + " with it");
        }
        Optional<Boolean> data = s.context.holdsData(table, op.column());
        if (s.context.isNewColumn(table, op.column()) && data.isPresent()) {
            s.reason(ReasonCode.DROPS_EMPTY_COLUMN).dataLoss(false).breaksClients(false)
                    .note(op.column() + " is added earlier in this plan: no data, no clients").score(5);
            return;
        }
        if (data.isPresent() && !data.get()) {
            s.reason(ReasonCode.DROPS_EMPTY_COLUMN).dataLoss(false).breaksClients(true)
                    .note(op.column() + " holds no values (every row is NULL); clients still reading it break").score(30);
            return;
        }
        if (op.definition() != null && op.definition().generated() != null) {
            // still gated like any column with values: clients lose it until it is back, and a plan may not bring it back
            s.note("a generated column: its values are computed from the row, so adding it back (as a plan does around "
                    + "a routine dropped and created again) computes them again, with a rewrite");
        }
        s.reason(ReasonCode.DROPS_COLUMN_WITH_DATA).dataLoss(true).breaksClients(true)
                .hint("softDropColumn or archiveColumn keep the values restorable until cleanup");
        if (data.isEmpty()) {
            s.note("whether it holds values was not checked: assumed it does");
        }
        s.sizedAtLeastSmall(table, 85, 90, 95);
    }

    private static List<String> dependents(Table table, String column) {
        List<String> out = new ArrayList<>();
        if (table == null) {
            return out;
        }
        if (table.primaryKey() != null && table.primaryKey().columns().contains(column)) {
            out.add("primary key " + table.primaryKey().name());
        }
        table.uniqueConstraints().stream().filter(u -> u.columns().contains(column))
                .forEach(u -> out.add("unique constraint " + u.name()));
        table.indexes().stream().filter(i -> i.keys().stream().anyMatch(k -> k.replace("\"", "").split(" ")[0]
                .equals(column))).forEach(i -> out.add("index " + i.name()));
        table.foreignKeys().stream().filter(f -> f.columns().contains(column))
                .forEach(f -> out.add("foreign key " + f.name()));
        return out;
    }

    private static void dropIndex(Scoring s, DropIndex op) {
        TableName table = op.table();
        s.reason(ReasonCode.DROPS_INDEX).note("queries that used " + op.name() + " may fall back to slower plans");
        Index index = op.definition() != null ? op.definition() : s.context.table(table)
                .flatMap(t -> t.indexes().stream().filter(i -> i.name().equals(op.name())).findFirst()).orElse(null);
        if (index != null && index.unique()) {
            s.reason(ReasonCode.DROPS_UNIQUE_CONSTRAINT).breaksClients(true)
                    .note("it enforced uniqueness: duplicates become possible and ON CONFLICT on its keys fails");
        }
        boolean createdInPlan = s.context.earlier().stream().anyMatch(o -> o instanceof AddIndex a
                && a.table().equals(table) && a.index().name().equals(op.name()));
        if (op.concurrently()) {
            s.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF).transactional(false)
                    .note("CONCURRENTLY: waits for running queries without blocking new ones; runs outside a transaction");
            if (createdInPlan) {
                s.score(3);
            } else {
                s.sized(table, 3, 20, 30, 40);
            }
        } else {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("waits for every running query on " + table + " and queues the rest behind it");
            if (createdInPlan) {
                s.score(5);
            } else {
                s.sized(table, 5, 25, 35, 45);
            }
            if (s.context.tier(table) != SizeTier.EMPTY) {
                s.hint("drop it with concurrently: true");
            }
        }
    }

    private static void dropPrimaryKey(Scoring s, DropPrimaryKey op) {
        s.reason(ReasonCode.DROPS_PRIMARY_KEY).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (s.context.isNewTable(op.table())) {
            s.note(s.context.sizeNote(op.table())).score(5);
            return;
        }
        s.breaksClients(true).note("duplicates become possible; UPDATE and DELETE fail on tables published for logical "
                + "replication without another replica identity; foreign keys referencing it make the drop fail").score(60);
    }

    private static void dropUnique(Scoring s, DropUniqueConstraint op) {
        s.reason(ReasonCode.DROPS_UNIQUE_CONSTRAINT).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (s.context.isNewTable(op.table())) {
            s.note(s.context.sizeNote(op.table())).score(5);
            return;
        }
        s.breaksClients(true).note("duplicates become possible and ON CONFLICT on its columns fails").score(35);
    }

    private static void dropForeignKey(Scoring s, DropForeignKey op) {
        TableName table = op.table();
        ForeignKey fk = op.definition() != null ? op.definition() : s.context.table(table)
                .flatMap(t -> t.foreignKeys().stream().filter(f -> f.name().equals(op.name())).findFirst()).orElse(null);
        s.reason(ReasonCode.DROPS_FOREIGN_KEY).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("orphan rows become possible");
        if (fk != null && !fk.referenced().equals(table)) {
            s.lock(fk.referenced(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("its triggers on " + fk.referenced() + " are dropped too, so that table is locked as well");
        } else if (fk == null) {
            s.note("the referenced table is unknown (no definition here or in the database); it is locked too");
        }
        s.score(s.context.isNewTable(table) ? 5 : 30);
    }

    private static void dropCheck(Scoring s, DropCheckConstraint op) {
        s.reason(ReasonCode.DROPS_CHECK_CONSTRAINT).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        boolean addedInPlan = s.context.earlier().stream().anyMatch(o -> o instanceof AddCheckConstraint a
                && a.table().equals(op.table()) && a.constraint().name().equals(op.name()));
        if (addedInPlan || s.context.isNewTable(op.table())) {
            s.note(op.name() + " is added earlier in this plan").score(3);
            return;
        }
        s.note("rows the check rejected become possible").score(15);
    }

    // ---- type and nullability -------------------------------------------------------------------------------

    private static void alterColumnType(Scoring s, AlterColumnType op) {
        TableName table = op.table();
        Table t = s.context.table(table).orElse(null);
        // Observed on 15 and 18: the server refuses (0A000) to change the type of a column that a generated column
        // computes from or a view or rule selects, after taking ACCESS EXCLUSIVE.
        Pattern mention = mentions(op.column());
        List<String> generated = t == null ? List.of() : t.columns().stream().filter(c -> c.generated() != null
                && mention.matcher(c.generated().expression()).find()).map(Column::name).toList();
        List<String> views = s.context.viewsUsing(table, op.column());
        if (!generated.isEmpty() || !views.isEmpty()) {
            String users = generated.isEmpty() ? "the view or rule " + String.join(", ", views)
                    : "the generated column " + String.join(", ", generated);
            s.reason(ReasonCode.CHANGES_COLUMN_TYPE).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.REFUSED)
                    .rewrite(false).scan(false).note(users + " uses " + op.column() + ": PostgreSQL refuses to change "
                            + "its type (SQLSTATE 0A000), so the step fails and changes nothing")
                    .hint(generated.isEmpty() ? "drop the view, change the type, re-create the view (in one migration)"
                            : "drop the generated column, change the type, re-add it (a rewrite), or add a new column")
                    .score(60);
            return;
        }
        Optional<Column> live = s.context.column(table, op.column());
        String from = live.map(Column::type).orElse(op.fromType());
        if (live.isPresent() && op.fromType() != null
                && !ColumnType.parse(op.fromType()).equals(ColumnType.parse(live.get().type()))) {
            s.note("the file says the column was " + op.fromType() + " but it is " + live.get().type() + " now");
        }
        // A domain converts like its base type (observed: numeric to an unconstrained domain over numeric rewrites
        // nothing); one with constraints checks every value, and the server rewrites the table to do so.
        Optional<CatalogFacts.Domain> domain = s.context.domain(op.type());
        String base = domain.map(CatalogFacts.Domain::baseType).orElse(null);
        String to = base != null ? base : op.type();
        TypeChange change;
        if (from == null) {
            s.note("the current type of " + op.column() + " is unknown: treated as a converting change");
            change = TypeChange.of("unknown", to, op.using(), s.context.server().atLeast(12), s.context.utcSession());
        } else {
            change = TypeChange.of(from, to, op.using(), s.context.server().atLeast(12), s.context.utcSession());
        }
        boolean rewrite = change.rewrite();
        String explanation = base == null ? change.explanation()
                : op.type() + " is a domain over " + base + ": " + change.explanation();
        boolean constrained = domain.map(CatalogFacts.Domain::constrained).orElse(false);
        if (constrained && !rewrite) {
            rewrite = true;
            explanation += "; the domain " + op.type() + " has constraints (pg_constraint): every value is checked "
                    + "and the table is rewritten";
        }
        TypeChange.Kind kind = change.kind();
        if (constrained && kind != TypeChange.Kind.LOSSY && kind != TypeChange.Kind.CHANGE) {
            kind = TypeChange.Kind.NARROWING;
            s.note("values the domain's constraints reject make the statement fail");
        }
        if (op.using() != null && kind == TypeChange.Kind.NARROWING) {
            kind = TypeChange.Kind.LOSSY;
            s.note("USING can cut values to fit: treated as lossy");
        }
        // Context: without a rewrite, PostgreSQL still rebuilds the indexes whose operator class or collation the
        // change alters, and re-checks every CHECK constraint that mentions the column, under ACCESS EXCLUSIVE.
        boolean collationChanges = live.isPresent() && !sameCollation(op.collation(), live.get().collation());
        List<String> rebuilt = new ArrayList<>();
        if (!rewrite && (collationChanges || change.operatorClassChanges())) {
            rebuilt.addAll(indexesOn(t, op.column()));
            rebuilt.addAll(s.context.exclusionsOn(table, op.column())); // not in the graph: from pg_constraint
        }
        List<String> rechecked = rewrite ? List.of() : checksOn(t, op.column());
        String held = rewrite ? TableLock.REWRITE : !rebuilt.isEmpty() ? TableLock.BUILD
                : !rechecked.isEmpty() ? TableLock.SCAN : TableLock.BRIEF;
        boolean scans = rewrite || !rebuilt.isEmpty() || !rechecked.isEmpty();
        s.note(explanation).rewrite(rewrite).scan(scans || kind == TypeChange.Kind.NARROWING)
                .lock(table, LockMode.ACCESS_EXCLUSIVE, held);
        if (!rebuilt.isEmpty()) {
            s.note((collationChanges ? "the collation changes" : "the operator class "
                    + "changes") + ": " + String.join(", ", rebuilt) + " rebuilt under ACCESS EXCLUSIVE (reads wait)");
        }
        if (!rechecked.isEmpty()) {
            s.note("CHECK " + String.join(", ", rechecked) + " re-checked over every row under ACCESS EXCLUSIVE");
        }
        foreignKeyLocks(s, t, op.column(), rewrite);
        boolean empty = s.context.tier(table) == SizeTier.EMPTY;
        int scanScore = scans ? s.sizedScore(table, 5, 40, 70, 78) : 0;
        switch (kind) {
            case SAME -> {
                s.reason(ReasonCode.CHANGES_COLUMN_TYPE);
                if (op.collation() != null && rebuilt.isEmpty()) {
                    s.note("collation change: sort order changes; no index on the column to rebuild");
                }
                s.score(Math.max(20, scanScore));
            }
            case BINARY_COMPATIBLE -> s.reason(ReasonCode.WIDENS_COLUMN_TYPE).score(Math.max(12, scanScore));
            case WIDENING -> s.reason(ReasonCode.WIDENS_COLUMN_TYPE).score(Math.max(scanScore,
                    s.sizedScore(table, 10, 45, 70, 78)));
            case NARROWING -> s.reason(ReasonCode.NARROWS_COLUMN_TYPE).breaksClients(true)
                    .sized(table, 10, 62, 72, 79);
            case LOSSY -> {
                s.reason(ReasonCode.NARROWS_COLUMN_TYPE).breaksClients(true);
                if (empty) {
                    s.note(s.context.sizeNote(table) + ": no value to lose").dataLoss(false).sized(table, 10, 10, 10, 10);
                } else {
                    s.dataLoss(true).sizedAtLeastSmall(table, 82, 88, 92);
                }
            }
            case CHANGE -> {
                s.reason(ReasonCode.CHANGES_COLUMN_TYPE).breaksClients(true);
                if (rewrite) {
                    s.sized(table, 10, 62, 72, 79);
                } else {
                    s.score(Math.max(20, scanScore));
                }
            }
        }
        if (!rebuilt.isEmpty()) {
            s.reason(ReasonCode.REBUILDS_INDEX);
        }
        if (rewrite) {
            s.reason(ReasonCode.REBUILDS_TABLE).note("the rewrite drops the column's statistics: ANALYZE afterwards");
        }
        if (scans && !empty) {
            s.hint("expand-contract: add a column of the new type, backfill it in batches, move clients, then swap");
        }
    }

    /** Whether two collations (as written in a file or introspected; null = the type's default) are the same. */
    private static boolean sameCollation(String a, String b) {
        return collationName(a).equals(collationName(b));
    }

    private static String collationName(String collation) {
        if (collation == null) {
            return "default";
        }
        String name = collation.trim().replace("\"", "");
        return name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
    }

    /** The primary key, unique constraints and indexes whose keys, INCLUDE list or predicate mention the column. */
    private static List<String> indexesOn(Table table, String column) {
        List<String> out = new ArrayList<>();
        if (table == null) {
            return out;
        }
        if (table.primaryKey() != null && (table.primaryKey().columns().contains(column)
                || table.primaryKey().include().contains(column))) {
            out.add(table.primaryKey().name());
        }
        table.uniqueConstraints().stream().filter(u -> u.columns().contains(column) || u.include().contains(column))
                .forEach(u -> out.add(u.name()));
        Pattern mention = mentions(column);
        table.indexes().stream().filter(i -> i.keys().stream().anyMatch(k -> mention.matcher(k).find())
                        || i.include().contains(column) || (i.predicate() != null && mention.matcher(i.predicate()).find()))
                .forEach(i -> out.add(i.name()));
        return out;
    }

    /** The CHECK constraints whose expression mentions the column. */
    private static List<String> checksOn(Table table, String column) {
        if (table == null) {
            return List.of();
        }
        Pattern mention = mentions(column);
        return table.checkConstraints().stream().filter(c -> mention.matcher(c.expression()).find())
                .map(CheckConstraint::name).toList();
    }

    /** The column as an identifier inside an expression (bare or quoted), not as part of a longer name or a string. */
    private static Pattern mentions(String column) {
        return Pattern.compile("(?<![\\w$\"'.])\"?" + Pattern.quote(column) + "\"?(?![\\w$\"'(])");
    }

    /**
     * A type change re-creates every foreign key on the column, and dropping the old one drops its triggers on
     * the other table: that table is locked ACCESS EXCLUSIVE too, in both directions — briefly, or through the
     * re-validation scan when the column's values were converted and the key is validated (observed: the other
     * table's rows are read; a NOT VALID key is not checked).
     */
    private static void foreignKeyLocks(Scoring s, Table table, String column, boolean converted) {
        if (table == null) {
            return;
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().contains(column) && !fk.referenced().equals(table.qualifiedName())) {
                boolean checked = converted && fk.validated();
                s.lock(fk.referenced(), LockMode.ACCESS_EXCLUSIVE, checked ? TableLock.SCAN : TableLock.BRIEF)
                        .note("the foreign key " + fk.name() + " is re-created" + (checked ? " and re-validated" : "")
                                + ": " + fk.referenced() + " is locked too");
            }
        }
        for (Table other : s.context.graph().tables()) {
            if (other.qualifiedName().equals(table.qualifiedName())) {
                continue;
            }
            for (ForeignKey fk : other.foreignKeys()) {
                if (fk.referenced().equals(table.qualifiedName()) && fk.referencedColumns().contains(column)) {
                    boolean checked = converted && fk.validated();
                    s.lock(other.qualifiedName(), LockMode.ACCESS_EXCLUSIVE, checked ? TableLock.SCAN : TableLock.BRIEF)
                            .note("the foreign key " + fk.name() + " of " + other.qualifiedName() + " is re-created"
                                    + (checked ? " and re-validated" : "") + ": " + other.qualifiedName()
                                    + " is locked too");
                }
            }
        }
    }

    private static void setNotNull(Scoring s, SetNotNull op) {
        TableName table = op.table();
        s.reason(ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL).breaksClients(true);
        Optional<Column> column = s.context.column(table, op.column());
        if (column.isPresent() && column.get().notNull()) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).note(op.column() + " is already NOT NULL")
                    .breaksClients(false).score(2);
            return;
        }
        Optional<CheckConstraint> proof = s.context.table(table).flatMap(t -> t.checkConstraints().stream()
                .filter(c -> c.validated() && provesNotNull(c.expression(), op.column())).findFirst());
        if (proof.isPresent() && s.context.server().atLeast(12)) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("PostgreSQL " + s.context.server().major() + ": the validated CHECK " + proof.get().name()
                            + " proves there are no NULLs, so there is no scan").score(12);
            return;
        }
        if (proof.isPresent()) {
            s.note("PostgreSQL " + s.context.server().major() + " scans even with the CHECK " + proof.get().name()
                    + " (the proof needs 12+)");
        }
        s.scan(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.SCAN)
                .note("checks every row for NULLs while holding ACCESS EXCLUSIVE: reads and writes wait")
                .sized(table, 5, 40, 70, 78);
        if (s.context.tier(table) != SizeTier.EMPTY) {
            s.hint("add CHECK (" + op.column() + " IS NOT NULL) NOT VALID, validateConstraint, then setNotNull "
                    + "(PostgreSQL 12+ skips the scan), then drop the check");
        }
    }

    /** Whether a check expression is exactly {@code column IS NOT NULL} (however parenthesized or quoted). */
    static boolean provesNotNull(String expression, String column) {
        String e = expression.replaceAll("[()\\s]", "").replace("\"", "").toLowerCase(Locale.ROOT);
        return e.equals(column.replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s", "") + "isnotnull");
    }

    private static void dropNotNull(Scoring s, DropNotNull op) {
        s.reason(ReasonCode.DROPS_NOT_NULL).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("readers must now cope with NULLs in " + op.column());
        s.context.table(op.table()).filter(t -> t.primaryKey() != null && t.primaryKey().columns().contains(op.column()))
                .ifPresent(t -> s.note(op.column() + " is in the primary key: the statement fails"));
        s.score(10);
    }

    private static void dropDefault(Scoring s, DropDefault op) {
        s.reason(ReasonCode.CHANGES_DEFAULT).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        boolean required = s.context.column(op.table(), op.column()).map(Column::notNull).orElse(false);
        if (required && !s.context.isNewTable(op.table())) {
            s.breaksClients(true).note(op.column() + " is NOT NULL: inserts that relied on the default now fail").score(25);
            return;
        }
        s.note("inserts that omit " + op.column() + " now store NULL").score(12);
    }

    private static void setIdentity(Scoring s, SetIdentity op) {
        s.reason(ReasonCode.CHANGES_IDENTITY).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (op.previous() == null && !s.context.isNewTable(op.table())) {
            s.note("the new identity sequence starts at its START value: existing values can collide; restart it "
                    + "above the current maximum").score(20);
            return;
        }
        s.note("changes how new values are generated; existing rows keep theirs").score(10);
    }

    private static void dropIdentity(Scoring s, DropIdentity op) {
        s.reason(ReasonCode.CHANGES_IDENTITY).lock(op.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        boolean required = s.context.column(op.table(), op.column()).map(Column::notNull).orElse(true);
        if (required && !s.context.isNewTable(op.table())) {
            s.breaksClients(true).note("inserts that omit " + op.column() + " now fail: nothing generates it").score(25);
            return;
        }
        s.note("new rows get no generated value").score(12);
    }

    private static void alterSequence(Scoring s, AlterSequence op) {
        s.reason(ReasonCode.CHANGES_SEQUENCE);
        if (op.ownedByTable() != null) {
            s.lock(new TableName(op.sequence().schema(), op.ownedByTable()), LockMode.ACCESS_SHARE, TableLock.BRIEF);
        }
        s.note("changes how the next values are generated; existing rows keep theirs").score(10);
    }

    private static void setComment(Scoring s, SetComment op) {
        s.reason(ReasonCode.CHANGES_COMMENT);
        if (op.target() != null) {
            // a constraint, a trigger or a policy is looked up through its table, which COMMENT locks only against a
            // concurrent drop (observed in pg_locks: ACCESS SHARE); functions, types and statistics lock no table
            s.lock(op.target(), ObjectComment.ON_TABLE.contains(op.on()) ? LockMode.ACCESS_SHARE
                    : LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF);
        }
        s.note("documentation only").score(0);
    }

    // ---- renames, RLS, safe alternatives --------------------------------------------------------------------

    private static void rename(Scoring s, ReasonCode reason, boolean createdInPlan, String breaks, String hint) {
        Operation op = s.op;
        s.reason(reason).lock(op.target(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (createdInPlan) {
            s.note("created earlier in this plan: no client uses the old name yet").score(5);
            return;
        }
        s.breaksClients(true).note(breaks).hint(hint).score(65);
    }

    private static void enableRls(Scoring s, EnableRls op) {
        TableName table = op.table();
        s.reason(ReasonCode.RLS_CHANGE).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        if (s.context.isNewTable(table)) {
            s.note(s.context.sizeNote(table)).score(5);
            return;
        }
        s.breaksClients(true);
        List<String> policies = s.context.table(table).map(t -> t.policies().stream().map(p -> p.name()).toList())
                .orElse(List.of());
        int force = op.force() ? 4 : 0;
        if (op.force()) {
            s.note("FORCE: the table owner is filtered too");
        }
        if (policies.isEmpty()) {
            s.note("no policy on " + table + " yet: roles other than the owner see no rows and cannot write")
                    .hint("create the policies first, then enable row level security").score(65 + force);
        } else {
            s.note("policies " + String.join(", ", policies) + " now decide which rows each role sees").score(40 + force);
        }
    }

    private static void disableRls(Scoring s, DisableRls op) {
        TableName table = op.table();
        s.reason(ReasonCode.RLS_CHANGE).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        boolean enabled = s.context.table(table).map(Table::rlsEnabled).orElse(true);
        if (s.context.isNewTable(table) || !enabled) {
            s.note("row level security is not enabled on " + table + " at this point").score(3);
            return;
        }
        s.note("every role with table privileges sees and changes every row").score(45);
    }

    private static void policy(Scoring s, TableName table, boolean create, boolean permissive) {
        s.reason(ReasonCode.RLS_CHANGE).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF);
        boolean enabled = s.context.table(table).map(Table::rlsEnabled).orElse(true);
        if (s.context.isNewTable(table)) {
            s.note(s.context.sizeNote(table)).score(5);
        } else if (!enabled) {
            s.note("row level security is off on " + table + ": the policy takes effect when it is enabled").score(15);
        } else {
            // A new restrictive policy or a dropped permissive one takes rows away from someone.
            s.breaksClients(create ? !permissive : permissive)
                    .note(create ? "changes which rows every read and write on " + table + " sees"
                            : permissive ? "roles it admitted may lose access to rows" : "rows it hid become visible")
                    .score(create ? 35 : 40);
        }
    }

    private static void dropPolicy(Scoring s, DropPolicy op) {
        boolean permissive = op.definition() != null ? op.definition().permissive()
                : s.context.table(op.table()).flatMap(t -> t.policies().stream().filter(p -> p.name().equals(op.name()))
                .findFirst()).map(p -> p.permissive()).orElse(true);
        policy(s, op.table(), false, permissive);
    }

    private static void safeAlternative(Scoring s, ReasonCode reason, String note) {
        TableName table = s.op.target();
        s.reason(reason).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).dataLoss(false).note(note);
        if (s.context.isNewTable(table)) {
            s.note(s.context.sizeNote(table)).score(5);
            return;
        }
        s.breaksClients(true).note("clients still using the old name break until it is restored").score(25);
    }

    private static void archiveColumn(Scoring s, ArchiveColumn op) {
        TableName table = op.table();
        s.reason(ReasonCode.ARCHIVES_COLUMN).scan(true).dataLoss(false)
                .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF_AFTER_SHARE_SCAN)
                .note("copies the primary key and " + op.column() + " into the archive schema, then drops the column: "
                        + "zanith recover restore-column brings it back")
                .note("the table is locked in SHARE mode for the copy, so no write slips between copy and drop: "
                        + "writes wait while it copies, reads go on; the drop then takes ACCESS EXCLUSIVE briefly");
        boolean hasKey = !op.primaryKey().isEmpty() || s.context.table(table).map(t -> t.primaryKey() != null).orElse(false);
        if (!hasKey) {
            s.note("the table has no primary key to restore rows by: the step fails; use softDropColumn");
        }
        if (s.context.isNewColumn(table, op.column())) {
            s.note(op.column() + " is added earlier in this plan").score(5);
            return;
        }
        s.breaksClients(true).sized(table, 5, 25, 38, 48);
    }

    // ---- long-running, raw ----------------------------------------------------------------------------------

    private static void backfill(Scoring s, Backfill op) {
        TableName table = op.table();
        s.reason(ReasonCode.REQUIRES_BACKFILL).scan(true).rewrite(false)
                .lock(table, LockMode.ROW_EXCLUSIVE, TableLock.BATCHES)
                .note("runs in primary-key batches, each its own short transaction; resumable after a crash");
        List<String> overwritten = new ArrayList<>();
        for (String column : op.set().keySet()) {
            boolean fresh = s.context.isNewColumn(table, column);
            boolean onlyNulls = op.where() != null && Pattern.compile("(?i)(^|[^\\w\"])\"?" + Pattern.quote(column)
                    + "\"?\\s+IS\\s+NULL\\b").matcher(op.where()).find();
            if (!fresh && !onlyNulls) {
                overwritten.add(column);
            }
        }
        if (overwritten.isEmpty() || s.context.tier(table) == SizeTier.EMPTY) {
            s.dataLoss(false).sized(table, 3, 15, 30, 45);
            return;
        }
        s.reason(ReasonCode.OVERWRITES_COLUMN_VALUES).dataLoss(true)
                .note("overwrites the current values of " + String.join(", ", overwritten) + "; they are not kept")
                .hint("restrict it with where: <column> IS NULL, or archive the column first")
                .sizedAtLeastSmall(table, 80, 84, 88);
    }

    private static void rebuildTable(Scoring s, RebuildTable op) {
        TableName table = op.table();
        s.reason(ReasonCode.REBUILDS_TABLE).rewrite(true).scan(true)
                .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.REWRITE)
                .note(op.orderByIndex() == null ? "VACUUM FULL copies every row and rebuilds every index; runs outside a "
                        + "transaction" : "CLUSTER copies every row in " + op.orderByIndex() + " order and rebuilds "
                        + "every index")
                .sized(table, 5, 45, 70, 79)
                .hint("run it in an off-peak window; pg_repack rebuilds without the long lock");
    }

    private static void validate(Scoring s, ValidateConstraint op) {
        TableName table = op.table();
        s.reason(ReasonCode.VALIDATES_CONSTRAINT).scan(true).rewrite(false)
                .lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.SCAN)
                .note("checks existing rows without blocking reads or writes");
        Optional<Table> t = s.context.table(table);
        Optional<ForeignKey> fk = t.flatMap(x -> x.foreignKeys().stream().filter(f -> f.name().equals(op.name()))
                .findFirst());
        fk.filter(f -> !f.referenced().equals(table))
                .ifPresent(f -> s.lock(f.referenced(), LockMode.ROW_SHARE, TableLock.SCAN));
        boolean alreadyValid = fk.map(ForeignKey::validated).orElse(false)
                || t.flatMap(x -> x.checkConstraints().stream().filter(c -> c.name().equals(op.name())).findFirst())
                .map(CheckConstraint::validated).orElse(false);
        if (alreadyValid) {
            s.note(op.name() + " is already valid: nothing to check").score(2);
            return;
        }
        s.sized(table, 2, 10, 18, 28);
    }

    // ---- domains, composite types, exclusion constraints ---------------------------------------------------------

    /** The tables with a column of {@code type} (a domain or composite type, {@code schema.name}), in the graph now. */
    private static List<TableName> tablesUsing(Scoring s, TableName type) {
        String sql = type.sql();
        return s.context.graph().tables().stream().filter(t -> t.columns().stream()
                .anyMatch(c -> c.type().equals(sql))).map(Table::qualifiedName).toList();
    }

    /**
     * Checking the values stored in a domain's columns: observed on 15 and 18, the server locks every table with a
     * column of the domain SHARE (writes wait, reads go on) and reads all its rows. Scored by the largest such table.
     */
    private static void checkDomainColumns(Scoring s, TableName domain, LockMode mode, int empty, int small, int large,
                                           int huge) {
        List<TableName> tables = tablesUsing(s, domain);
        if (tables.isEmpty()) {
            s.note("no column uses " + domain + ": there is nothing to check").score(empty);
            return;
        }
        s.scan(true);
        TableName largest = tables.get(0);
        for (TableName table : tables) {
            s.lock(table, mode, TableLock.SCAN);
            if (s.context.tier(table).compareTo(s.context.tier(largest)) > 0) {
                largest = table;
            }
        }
        s.note("checks every value stored in " + String.join(", ", tables.stream().map(TableName::toString).toList())
                + " while holding " + mode.sql() + " on " + (tables.size() == 1 ? "it" : "each"))
                .sized(largest, empty, small, large, huge);
    }

    private static void setDomainNotNull(Scoring s, dev.zanith.api.ops.SetDomainNotNull op) {
        if (!op.notNull()) {
            s.reason(ReasonCode.DROPS_NOT_NULL).note("NULLs become possible in every column of the domain").score(5);
            return;
        }
        s.reason(ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL).breaksClients(true);
        checkDomainColumns(s, op.domain(), LockMode.SHARE, 5, 40, 65, 75);
    }

    private static void addDomainConstraint(Scoring s, dev.zanith.api.ops.AddDomainConstraint op) {
        s.reason(ReasonCode.ADDS_DOMAIN_CONSTRAINT).breaksClients(true);
        if (op.notValid()) {
            s.note("NOT VALID: values already stored are not checked now (no table is locked); "
                    + "validateDomainConstraint checks them in a step of its own").score(10);
            return;
        }
        checkDomainColumns(s, op.domain(), LockMode.SHARE, 5, 40, 65, 75);
        if (!tablesUsing(s, op.domain()).isEmpty()) {
            s.hint("add it with notValid: true, then validateDomainConstraint");
        }
    }

    /**
     * VALIDATE CONSTRAINT of a domain: observed on 15 and 18 to lock every table using the domain SHARE through the
     * scan, as a validated ADD does (unlike a table's VALIDATE, which takes SHARE UPDATE EXCLUSIVE). What the split
     * buys is that the ADD locks no table and checks new values from its commit on, and a failed validation leaves
     * the NOT VALID constraint in place to retry.
     */
    private static void validateDomainConstraint(Scoring s, dev.zanith.api.ops.ValidateDomainConstraint op) {
        s.reason(ReasonCode.VALIDATES_CONSTRAINT);
        checkDomainColumns(s, op.domain(), LockMode.SHARE, 2, 35, 60, 70);
    }

    private static void dropTypeAttribute(Scoring s, dev.zanith.api.ops.DropTypeAttribute op) {
        s.reason(ReasonCode.CHANGES_TYPE_ATTRIBUTE).breaksClients(true);
        List<TableName> holding = tablesUsing(s, op.type()).stream()
                .filter(t -> s.context.holdsData(t, null).orElse(true)).toList();
        if (holding.isEmpty()) {
            s.note("no column of the type holds data").score(15);
            return;
        }
        s.dataLoss(true).note("the values of " + op.name() + " stored in " + String.join(", ", holding.stream()
                        .map(TableName::toString).toList()) + " are lost")
                .hint("copy the attribute's values out first, or keep the attribute").score(80);
    }

    /**
     * ADD CONSTRAINT ... EXCLUDE: observed to take SHARE then ACCESS EXCLUSIVE on the table while it builds the
     * constraint's index over every row (there is no NOT VALID or USING INDEX form).
     */
    private static void addExclusion(Scoring s, dev.zanith.api.ops.AddExclusionConstraint op) {
        TableName table = op.table();
        s.reason(ReasonCode.ADDS_EXCLUSION_CONSTRAINT).breaksClients(true);
        if (s.context.isNewTable(table)) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).note(s.context.sizeNote(table)).score(5);
            return;
        }
        s.scan(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BUILD)
                .note("builds the constraint's index over every row while holding ACCESS EXCLUSIVE: reads and writes wait")
                .sized(table, 5, 45, 72, 79);
    }

    private static void rawSql(Scoring s, RawSql op) {
        s.reason(ReasonCode.RAW_SQL).transactional(op.runsInTransaction()).rewrite(null).scan(null).breaksClients(null)
                .dataLoss(null)
                .note("hand-written SQL: review it by hand; zanith verify observes its locks and rewrites on a shadow")
                .hint("express it as typed operations where one exists, so the planner can classify it");
        String text = op.sql().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", "''");
        java.util.regex.Matcher m = RAW_DATA_LOSS.matcher(text);
        if (m.find()) {
            s.dataLoss(true).note("contains " + m.group().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                    + "...: can lose data");
        }
        s.level = RiskLevel.UNKNOWN;
        s.score = RAW_SQL_SCORE;
    }

    // ---- partitions (observed in RiskObservationTest and PartitionObservationTest) --------------------------------

    /** The DEFAULT partition of {@code parent} (a partitioned table, or a partition partitioned in turn), if any. */
    private static Optional<TableName> defaultPartition(RiskContext context, TableName parent) {
        for (Table t : context.graph().tables()) {
            if (t.partitioning() == null) {
                continue;
            }
            Optional<dev.zanith.api.schema.Partitioning> p = t.qualifiedName().equals(parent) ? Optional.of(t.partitioning())
                    : t.partitioning().descendants().stream().filter(d -> d.qualifiedName().equals(parent))
                    .map(dev.zanith.api.schema.Partition::partitioning).filter(java.util.Objects::nonNull).findFirst();
            if (p.isPresent()) {
                return p.get().defaultPartition().map(dev.zanith.api.schema.Partition::qualifiedName);
            }
        }
        return Optional.empty();
    }

    /** A DEFAULT partition is scanned under ACCESS EXCLUSIVE for rows a new bound would claim. */
    private static boolean scansDefault(Scoring s, TableName parent, boolean isDefault) {
        Optional<TableName> fallback = defaultPartition(s.context, parent);
        if (fallback.isEmpty() || isDefault) {
            return false;
        }
        s.lock(fallback.get(), LockMode.ACCESS_EXCLUSIVE, TableLock.SCAN)
                .note("the DEFAULT partition " + fallback.get() + " is scanned under ACCESS EXCLUSIVE for rows the new "
                        + "bound would claim (the step fails if it holds any)");
        return true;
    }

    private static void createPartition(Scoring s, dev.zanith.api.ops.CreatePartition op) {
        s.reason(ReasonCode.ADDS_PARTITION).lock(op.parent(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("ACCESS EXCLUSIVE on " + op.parent() + " while the partition is added: every query on the "
                        + "partitioned table waits for that moment");
        boolean scans = scansDefault(s, op.parent(), op.partition().isDefault());
        s.scan(scans).score(scans ? 30 : 10);
    }

    private static void attachPartition(Scoring s, dev.zanith.api.ops.AttachPartition op) {
        TableName table = op.partition().qualifiedName();
        boolean proven = s.context.table(table).map(t -> t.checkConstraints().stream().anyMatch(c -> c.validated()
                && c.name().equals(dev.zanith.api.ops.AttachPartition.BOUND_CHECK))).orElse(false);
        s.reason(ReasonCode.ATTACHES_PARTITION).lock(op.parent(), LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF)
                .note("SHARE UPDATE EXCLUSIVE on " + op.parent() + ": its reads and writes go on");
        boolean scansDefault = scansDefault(s, op.parent(), op.partition().isDefault());
        if (proven) {
            s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF).scan(scansDefault)
                    .note("a validated CHECK (" + dev.zanith.api.ops.AttachPartition.BOUND_CHECK + ") proves the bound: "
                            + "the table is not scanned under its ACCESS EXCLUSIVE lock");
            s.score(scansDefault ? 30 : 12);
            return;
        }
        s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.SCAN).scan(true)
                .note("the table is scanned under ACCESS EXCLUSIVE to prove every row fits the bound (fails if one "
                        + "does not)")
                .hint("generate attaches online: a CHECK matching the bound added NOT VALID and validated first");
        s.sized(table, 12, 35, 62, 70);
    }

    private static void addPartitionedIndex(Scoring s, dev.zanith.api.ops.AddPartitionedIndex op) {
        s.reason(ReasonCode.ADDS_INDEX).lock(op.table(), LockMode.SHARE, TableLock.BRIEF).scan(true).rewrite(false)
                .transactional(false)
                .note("the index on " + op.table() + " alone (ON ONLY) takes SHARE briefly; each partition's index is "
                        + "built CONCURRENTLY (reads and writes go on) and attached, the last attach making it valid");
        for (dev.zanith.api.schema.Partition p : op.partitions()) {
            s.lock(p.qualifiedName(), p.partitioning() == null ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE,
                    p.partitioning() == null ? TableLock.BUILD : TableLock.BRIEF);
        }
        int bump = 0;
        if (op.index().unique()) {
            s.reason(ReasonCode.ADDS_UNIQUE_CONSTRAINT).breaksClients(true)
                    .note("a unique index fails on duplicate keys, and later writes of duplicates fail");
            bump = 3;
        }
        s.sized(op.table(), 3 + bump, 12 + bump, 22 + bump, 35 + bump);
    }

    private static void detachPartition(Scoring s, dev.zanith.api.ops.DetachPartition op) {
        TableName table = op.partition().qualifiedName();
        s.reason(ReasonCode.DETACHES_PARTITION).breaksClients(true).lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("its rows stay, in an ordinary table: queries on " + op.parent() + " stop seeing them");
        if (op.concurrently()) {
            s.lock(op.parent(), LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF).transactional(false)
                    .note("CONCURRENTLY: SHARE UPDATE EXCLUSIVE on " + op.parent() + ", waiting for the queries using it "
                            + "instead of blocking them; an interrupted run leaves the detach pending, and the next "
                            + "apply completes it with DETACH PARTITION ... FINALIZE (the same locks, observed)").score(15);
        } else {
            s.lock(op.parent(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                    .note("ACCESS EXCLUSIVE on " + op.parent() + " (CONCURRENTLY is refused while a DEFAULT partition exists)")
                    .score(20);
        }
    }

    private static void dropPartition(Scoring s, dev.zanith.api.ops.DropPartition op) {
        TableName table = op.partition().qualifiedName();
        s.reason(ReasonCode.DROPS_PARTITION).reason(ReasonCode.DROPS_TABLE_WITH_DATA).dataLoss(true).breaksClients(true)
                .lock(op.parent(), LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("the partition's rows are gone; ACCESS EXCLUSIVE on " + op.parent() + " briefly")
                .hint("detachPartition keeps the rows as an ordinary table (then softDropTable keeps them restorable)");
        s.score(90);
    }

    // ---- privileges and table storage ----------------------------------------------------------------------

    /** Privileges whose loss stops a client reading, writing, calling nextval, reaching into a schema or calling a routine. */
    private static final java.util.Set<String> ACCESS = java.util.Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "USAGE",
            "EXECUTE");

    private static void grantPrivileges(Scoring s, dev.zanith.api.ops.GrantPrivileges op) {
        // GRANT rewrites the object's catalog row (relacl/attacl/nspacl) and locks no table: observed, pg_locks
        s.reason(ReasonCode.GRANTS_PRIVILEGE).rewrite(false).scan(false);
        privilegeLock(s, op.target());
        if (op.grantee().equals("PUBLIC")) {
            s.note("PUBLIC: every role, present and future, gets " + String.join(", ", op.privileges())).score(5);
            return;
        }
        s.note("the role must exist (plan checks it)").score(2);
    }

    /**
     * A revoke that takes away access the application may be using (SELECT, INSERT, UPDATE, DELETE, USAGE, EXECUTE) is high:
     * the role's next statement fails with permission denied (42501), immediately and for every session, and nothing in
     * the schema shows which role the application connects as. Revoking only the grant option, or a privilege clients
     * do not use to read or write (REFERENCES, TRIGGER, TRUNCATE, MAINTAIN, CREATE), is medium.
     */
    private static void revokePrivileges(Scoring s, dev.zanith.api.ops.RevokePrivileges op) {
        s.reason(ReasonCode.REVOKES_PRIVILEGE).rewrite(false).scan(false)
                .note("RESTRICT: fails if the role passed the privilege on");
        TableName table = op.target();
        privilegeLock(s, table);
        if (table != null && s.context.isNewTable(table)) {
            s.note(table + " is created earlier in this plan: no client uses it yet").score(2);
            return;
        }
        if (op.on().equals("function") && s.context.isNewRoutine(op.name())) {
            s.note(op.name() + " is created earlier in this plan: no client calls it yet").score(2);
            return;
        }
        boolean access = !op.grantOptionOnly() && op.privileges().stream().anyMatch(ACCESS::contains);
        if (access) {
            s.breaksClients(true).note(op.grantee() + " loses " + String.join(", ", op.privileges())
                    + ": its sessions get permission denied (42501) on their next statement")
                    .hint("check which role the application connects as; revoke after the clients stopped using it")
                    .score(60);
            return;
        }
        s.note(op.grantOptionOnly() ? op.grantee() + " keeps the privileges but can no longer grant them"
                : "reading and writing are unaffected").score(30);
    }

    /**
     * GRANT and REVOKE rewrite the object's catalog row (relacl, attacl, nspacl). From PostgreSQL 18 they look the
     * object up with ACCESS SHARE, held to commit (so a concurrent DROP waits; reads and writes do not); before 18 they
     * take no lock on it. Both observed (RiskObservationTest, on 18 and 15).
     */
    private static void privilegeLock(Scoring s, @org.jspecify.annotations.Nullable TableName table) {
        if (table != null && s.context.server().atLeast(18)) {
            s.lock(table, LockMode.ACCESS_SHARE, TableLock.BRIEF)
                    .note("ACCESS SHARE on the table (PostgreSQL 18+): only the object's access control list changes");
        } else {
            s.note("no lock on the table: only the object's access control list changes");
        }
    }

    private static void defaultPrivileges(Scoring s, dev.zanith.api.ops.AlterDefaultPrivileges op) {
        s.reason(op.revoke() ? ReasonCode.REVOKES_PRIVILEGE : ReasonCode.GRANTS_PRIVILEGE).rewrite(false).scan(false)
                .note("only objects the migration role creates from now on; existing objects keep their grants; "
                        + "no lock on any table");
        boolean builtIn = op.schema() == null && op.privileges().stream()
                .anyMatch(p -> dev.zanith.api.schema.DefaultPrivilege.builtIn(op.objects(), op.grantee(), p));
        if (builtIn && op.grantee().equals(dev.zanith.api.schema.DefaultPrivilege.SELF)) {
            s.note(op.revoke() ? "takes the migration role's own privileges on new " + op.objects() + " away (a "
                    + "PostgreSQL built-in default); as their owner it can still grant them to itself"
                    : "gives the migration role its own built-in privileges on new " + op.objects() + " back");
        } else if (builtIn) {
            s.note(op.revoke() ? "takes PostgreSQL's built-in " + String.join(", ", op.privileges()) + " to PUBLIC on new "
                    + op.objects() + " away: roles that relied on it need a grant on each new one"
                    : "gives PUBLIC PostgreSQL's built-in " + String.join(", ", op.privileges()) + " on new "
                    + op.objects() + " back: every role may use what the migration role creates from now on");
        }
        s.score(op.revoke() ? 5 : 2);
    }

    private static void storageParameters(Scoring s, dev.zanith.api.ops.SetStorageParameters op) {
        TableName table = op.table();
        s.reason(ReasonCode.CHANGES_STORAGE_PARAMETERS).rewrite(false).scan(false);
        if (op.shareUpdateExclusive()) {
            s.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, TableLock.BRIEF)
                    .note("SHARE UPDATE EXCLUSIVE: reads and writes go on; nothing is rewritten (a new fillfactor applies "
                            + "to pages written from now on)").score(2);
            return;
        }
        s.lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.BRIEF)
                .note("a parameter other than fillfactor, toast.*, autovacuum_* and the vacuum ones: ACCESS EXCLUSIVE")
                .score(10);
    }

    private static void persistence(Scoring s, dev.zanith.api.ops.SetPersistence op) {
        TableName table = op.table();
        s.reason(ReasonCode.REBUILDS_TABLE).reason(ReasonCode.CHANGES_PERSISTENCE).rewrite(true).scan(true)
                .lock(table, LockMode.ACCESS_EXCLUSIVE, TableLock.REWRITE)
                .note("writes the table and its indexes to new files under ACCESS EXCLUSIVE (reads wait)");
        if (op.unlogged()) {
            s.note("UNLOGGED: the table is emptied after a crash and not replicated to standbys");
        } else {
            s.note("LOGGED: every row is also written to the WAL (replicas receive the whole table)");
        }
        s.sized(table, 5, 45, 70, 79).hint("run it in an off-peak window");
    }

    /** Accumulates one assessment. */
    static final class Scoring {
        final Operation op;
        final RiskContext context;
        final Set<ReasonCode> reasons = new LinkedHashSet<>();
        final Set<String> notes = new LinkedHashSet<>();
        final Map<TableName, TableLock> locks = new LinkedHashMap<>();
        Boolean rewrite = false;
        Boolean scan = false;
        Boolean breaksClients = false;
        Boolean dataLoss = false;
        Boolean transactional;
        String hint;
        RiskLevel level;
        int score = -1;

        Scoring(Operation op, RiskContext context) {
            this.op = op;
            this.context = context;
        }

        Scoring reason(ReasonCode code) {
            reasons.add(code);
            return this;
        }

        Scoring note(String text) {
            notes.add(text);
            return this;
        }

        Scoring hint(String text) {
            hint = text;
            return this;
        }

        Scoring lock(TableName table, LockMode mode, String held) {
            if (table == null) {
                return this;
            }
            TableLock existing = locks.get(table);
            if (existing == null || mode.compareTo(existing.mode()) > 0) {
                locks.put(table, new TableLock(table, mode, held));
            }
            return this;
        }

        Scoring rewrite(Boolean value) {
            rewrite = value;
            return this;
        }

        Scoring scan(Boolean value) {
            scan = value;
            return this;
        }

        Scoring breaksClients(Boolean value) {
            breaksClients = value;
            return this;
        }

        Scoring dataLoss(Boolean value) {
            dataLoss = value;
            return this;
        }

        Scoring transactional(boolean value) {
            transactional = value;
            return this;
        }

        Scoring score(int value) {
            score = value;
            level = RiskLevel.of(value);
            if (level == RiskLevel.UNKNOWN && op.kind() != OperationKind.RAW_SQL) {
                throw new IllegalStateException(op.kind() + " scored " + value + ", inside the unknown band");
            }
            return this;
        }

        /** The score for the table's size, with the size stated in the notes. */
        int sizedScore(TableName table, int empty, int small, int large, int huge) {
            SizeTier tier = context.tier(table);
            note(context.sizeNote(table));
            return switch (tier) {
                case EMPTY -> empty;
                case SMALL -> small;
                case LARGE -> large;
                case HUGE -> huge;
            };
        }

        Scoring sized(TableName table, int empty, int small, int large, int huge) {
            return score(sizedScore(table, empty, small, large, huge));
        }

        /** For steps that lose data: an empty tier still counts as small unless the data facts say otherwise. */
        Scoring sizedAtLeastSmall(TableName table, int small, int large, int huge) {
            return score(sizedScore(table, small, small, large, huge));
        }

        Assessment build() {
            if (score < 0) {
                throw new IllegalStateException("no score for " + op.kind());
            }
            boolean inTransaction = transactional != null ? transactional : renderedTransactional();
            Facts facts = new Facts(List.copyOf(locks.values()), rewrite, scan, inTransaction, breaksClients, dataLoss);
            return new Assessment(op.kind(), level, score, List.copyOf(reasons), facts, List.copyOf(notes), hint);
        }

        private boolean renderedTransactional() {
            try {
                return op.render(RenderContext.preview()).transactional();
            } catch (RuntimeException e) {
                return true;
            }
        }
    }
}
