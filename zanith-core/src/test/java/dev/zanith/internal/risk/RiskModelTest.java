package dev.zanith.internal.risk;

import dev.zanith.api.risk.RiskTableRow;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.DataRef;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.internal.risk.RiskTable;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.risk.Volatility;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddEnumValue;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropExtension;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropPrimaryKey;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.DropUniqueConstraint;
import dev.zanith.api.ops.EnableRls;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RebuildTable;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.SoftDropColumn;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TableStatistics;
import dev.zanith.api.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.zanith.api.risk.RiskLevel.DESTRUCTIVE;
import static dev.zanith.api.risk.RiskLevel.HIGH;
import static dev.zanith.api.risk.RiskLevel.LOW;
import static dev.zanith.api.risk.RiskLevel.MEDIUM;
import static dev.zanith.api.risk.RiskLevel.SAFE;
import static dev.zanith.api.risk.RiskLevel.UNKNOWN;
import static dev.zanith.api.risk.SizeTier.EMPTY;
import static dev.zanith.api.risk.SizeTier.HUGE;
import static dev.zanith.api.risk.SizeTier.LARGE;
import static dev.zanith.api.risk.SizeTier.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier, table-driven: operation × table context (empty, populated, huge per statistics) × server
 * version → level, score band and reasons. The context is {@link RiskTable#graph()}: {@code public.users}
 * (referenced by {@code public.orders}).
 */
class RiskModelTest {

    static final TableName USERS = RiskTable.TABLE;
    static final TableName ORDERS = RiskTable.ORDERS;

    static final Map<SizeTier, TableStatistics> STATS = Map.of(
            EMPTY, new TableStatistics(0, 16_384),
            SMALL, new TableStatistics(1_000, 200_000),
            LARGE, new TableStatistics(2_000_000, 800L << 20),
            HUGE, new TableStatistics(50_000_000, 12L << 30));

    /** The sample schema with {@code tier}'s statistics and data facts, on PostgreSQL {@code major}.{@code minor}. */
    static RiskContext context(SizeTier tier, int major, int minor) {
        boolean data = tier != EMPTY;
        Map<DataRef, Boolean> holds = new HashMap<>();
        for (Table t : RiskTable.graph().tables()) {
            holds.put(DataRef.table(t.qualifiedName()), data);
            t.columns().forEach(c -> holds.put(DataRef.column(t.qualifiedName(), c.name()), data));
        }
        return RiskContext.builder().server(new ServerVersion(major * 10000 + minor)).live(RiskTable.graph())
                .statistics(Map.of(USERS, STATS.get(tier), ORDERS, STATS.get(tier))).holdsData(holds)
                .volatility(Map.of("now", Volatility.STABLE, "gen_random_uuid", Volatility.VOLATILE)).build();
    }

    static RiskContext context(SizeTier tier, int major) {
        return context(tier, major, 5);
    }

    record Case(String name, Operation op, List<Operation> setup, SizeTier tier, int server, RiskLevel level,
                int min, int max, Set<ReasonCode> reasons) {
        @Override
        public String toString() {
            return name + " on " + tier.id() + " table, PostgreSQL " + server;
        }
    }

    static Case c(String name, Operation op, SizeTier tier, int server, RiskLevel level, int min, int max,
                  ReasonCode... reasons) {
        return new Case(name, op, List.of(), tier, server, level, min, max, Set.of(reasons));
    }

    static Case c(String name, Operation op, SizeTier tier, int server, RiskLevel level, ReasonCode... reasons) {
        return c(name, op, tier, server, level, level.min(), level.max(), reasons);
    }

    static Case withSetup(Case base, Operation... setup) {
        return new Case(base.name, base.op, List.of(setup), base.tier, base.server, base.level, base.min, base.max,
                base.reasons);
    }

    static final Operation ADD_NULLABLE = new AddColumn(USERS, Column.of("last_login", "timestamptz", false));
    static final Operation ADD_DEFAULT = new AddColumn(USERS, Column.of("plan", "text", true).withDefault("'free'::text"));
    static final Operation ADD_VOLATILE = new AddColumn(USERS, Column.of("token", "uuid", true).withDefault("gen_random_uuid()"));
    static final Operation ADD_REQUIRED = new AddColumn(USERS, Column.of("tenant_id", "bigint", true));
    static final Index NAME_INDEX = Index.of("users_name_idx", List.of("name"));
    static final ForeignKey FK = ForeignKey.of("orders_user_fk2", List.of("user_id"), USERS, List.of("id"));
    static final CheckConstraint CHECK = new CheckConstraint("users_code_len", "length(code) < 10", true, false);

    static Stream<Case> cases() {
        return Stream.of(
                // addColumn lands in three places: nullable, with a default, required without one
                c("addColumn nullable", ADD_NULLABLE, EMPTY, 14, SAFE, ReasonCode.ADDS_NULLABLE_COLUMN),
                c("addColumn nullable", ADD_NULLABLE, SMALL, 16, SAFE, ReasonCode.ADDS_NULLABLE_COLUMN),
                c("addColumn nullable", ADD_NULLABLE, HUGE, 18, SAFE, ReasonCode.ADDS_NULLABLE_COLUMN),
                c("addColumn with constant default", ADD_DEFAULT, HUGE, 18, LOW, ReasonCode.ADDS_COLUMN_WITH_DEFAULT),
                c("addColumn with default before fast defaults", ADD_DEFAULT, SMALL, 10, MEDIUM,
                        ReasonCode.ADDS_COLUMN_WITH_DEFAULT, ReasonCode.REBUILDS_TABLE),
                c("addColumn with default before fast defaults", ADD_DEFAULT, HUGE, 10, HIGH, ReasonCode.REBUILDS_TABLE),
                c("addColumn volatile default", ADD_VOLATILE, EMPTY, 18, SAFE, ReasonCode.REBUILDS_TABLE),
                c("addColumn volatile default", ADD_VOLATILE, SMALL, 18, MEDIUM, ReasonCode.REBUILDS_TABLE),
                c("addColumn volatile default", ADD_VOLATILE, HUGE, 15, HIGH, ReasonCode.REBUILDS_TABLE),
                c("addColumn required without default", ADD_REQUIRED, EMPTY, 15, SAFE,
                        ReasonCode.ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT),
                c("addColumn required without default", ADD_REQUIRED, SMALL, 15, MEDIUM,
                        ReasonCode.ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT),
                c("addColumn required without default", ADD_REQUIRED, HUGE, 18, MEDIUM,
                        ReasonCode.ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT),
                // indexes: the online form is lower, size moves both
                c("addIndex concurrently", new AddIndex(USERS, NAME_INDEX, true), EMPTY, 16, SAFE, ReasonCode.ADDS_INDEX),
                c("addIndex concurrently", new AddIndex(USERS, NAME_INDEX, true), SMALL, 16, LOW, ReasonCode.ADDS_INDEX),
                c("addIndex concurrently", new AddIndex(USERS, NAME_INDEX, true), HUGE, 16, MEDIUM, ReasonCode.ADDS_INDEX),
                c("addIndex concurrently on 14.2 (corruption bug)", new AddIndex(USERS, NAME_INDEX, true), HUGE, 14,
                        MEDIUM, 45, 49, ReasonCode.ADDS_INDEX),
                c("addIndex blocking", new AddIndex(USERS, NAME_INDEX, false), EMPTY, 16, SAFE, ReasonCode.ADDS_INDEX),
                c("addIndex blocking", new AddIndex(USERS, NAME_INDEX, false), SMALL, 16, MEDIUM, ReasonCode.ADDS_INDEX),
                c("addIndex blocking", new AddIndex(USERS, NAME_INDEX, false), LARGE, 16, HIGH, ReasonCode.ADDS_INDEX),
                c("addIndex blocking", new AddIndex(USERS, NAME_INDEX, false), HUGE, 16, HIGH, ReasonCode.ADDS_INDEX),
                c("unique addIndex", new AddIndex(USERS, new Index("u", true, "btree", List.of("email"), List.of(), false,
                        null, List.of(), true), true), SMALL, 18, LOW, ReasonCode.ADDS_INDEX, ReasonCode.ADDS_UNIQUE_CONSTRAINT),
                c("addUniqueConstraint building", new AddUniqueConstraint(USERS, UniqueConstraint.of("k", List.of("email")),
                        null), SMALL, 16, MEDIUM, ReasonCode.ADDS_UNIQUE_CONSTRAINT, ReasonCode.ADDS_INDEX),
                c("addUniqueConstraint building", new AddUniqueConstraint(USERS, UniqueConstraint.of("k", List.of("email")),
                        null), HUGE, 16, HIGH, ReasonCode.ADDS_UNIQUE_CONSTRAINT),
                c("addUniqueConstraint using index", new AddUniqueConstraint(USERS, UniqueConstraint.of("k",
                        List.of("email")), "k"), HUGE, 16, LOW, ReasonCode.ADDS_UNIQUE_CONSTRAINT),
                withSetup(c("addPrimaryKey building", new AddPrimaryKey(ORDERS, PrimaryKey.of("pk", List.of("id")), null),
                        HUGE, 17, HIGH, ReasonCode.ADDS_PRIMARY_KEY), new DropPrimaryKey(ORDERS, "orders_pkey", null)),
                withSetup(c("addPrimaryKey using index", new AddPrimaryKey(ORDERS, PrimaryKey.of("pk", List.of("id")), "pk"),
                        HUGE, 17, LOW, ReasonCode.ADDS_PRIMARY_KEY), new DropPrimaryKey(ORDERS, "orders_pkey", null)),
                c("addPrimaryKey on a nullable column", new AddPrimaryKey(USERS, PrimaryKey.of("pk", List.of("age")), "pk"),
                        HUGE, 17, HIGH, ReasonCode.ADDS_PRIMARY_KEY, ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                c("addForeignKey NOT VALID", new AddForeignKey(ORDERS, FK, true), HUGE, 15, LOW, ReasonCode.ADDS_FOREIGN_KEY),
                c("addForeignKey validated", new AddForeignKey(ORDERS, FK, false), EMPTY, 15, SAFE, ReasonCode.ADDS_FOREIGN_KEY),
                c("addForeignKey validated", new AddForeignKey(ORDERS, FK, false), SMALL, 15, MEDIUM,
                        ReasonCode.ADDS_FOREIGN_KEY),
                c("addForeignKey validated", new AddForeignKey(ORDERS, FK, false), HUGE, 15, HIGH, ReasonCode.ADDS_FOREIGN_KEY),
                c("addCheckConstraint NOT VALID", new AddCheckConstraint(USERS, CHECK, true), HUGE, 18, LOW,
                        ReasonCode.ADDS_CHECK_CONSTRAINT),
                c("addCheckConstraint validated", new AddCheckConstraint(USERS, CHECK, false), HUGE, 18, HIGH,
                        ReasonCode.ADDS_CHECK_CONSTRAINT),
                c("createExtension", new CreateExtension("pg_trgm", null), SMALL, 16, LOW, ReasonCode.ADDS_EXTENSION),
                // removals: destructive only when there is data to lose
                c("dropTable with data", new DropTable(ORDERS, null), SMALL, 16, DESTRUCTIVE,
                        ReasonCode.DROPS_TABLE_WITH_DATA),
                c("dropTable with data", new DropTable(ORDERS, null), HUGE, 16, DESTRUCTIVE, 95, 100,
                        ReasonCode.DROPS_TABLE_WITH_DATA),
                c("dropTable without data", new DropTable(ORDERS, null), EMPTY, 16, MEDIUM, ReasonCode.DROPS_EMPTY_TABLE),
                c("dropColumn with data", new DropColumn(USERS, "legacy", null), SMALL, 14, DESTRUCTIVE,
                        ReasonCode.DROPS_COLUMN_WITH_DATA),
                c("dropColumn with data", new DropColumn(USERS, "legacy", null), HUGE, 14, DESTRUCTIVE, 95, 100,
                        ReasonCode.DROPS_COLUMN_WITH_DATA),
                c("dropColumn without data", new DropColumn(USERS, "legacy", null), EMPTY, 14, MEDIUM,
                        ReasonCode.DROPS_EMPTY_COLUMN),
                c("dropIndex concurrently", new DropIndex(USERS, "users_email_idx", null, true), SMALL, 16, LOW,
                        ReasonCode.DROPS_INDEX),
                c("dropIndex blocking", new DropIndex(USERS, "users_email_idx", null, false), HUGE, 16, MEDIUM,
                        ReasonCode.DROPS_INDEX),
                c("dropUniqueConstraint", new DropUniqueConstraint(USERS, "users_handle_key", null), SMALL, 16, MEDIUM,
                        ReasonCode.DROPS_UNIQUE_CONSTRAINT),
                c("dropForeignKey", new DropForeignKey(ORDERS, "orders_user_fk", null), SMALL, 16, MEDIUM,
                        ReasonCode.DROPS_FOREIGN_KEY),
                c("dropExtension", new DropExtension("pg_trgm", null), SMALL, 16, HIGH, ReasonCode.DROPS_EXTENSION),
                // type and nullability
                c("alterColumnType varchar widening", new AlterColumnType(USERS, "handle", "varchar(50)", null, null, null),
                        HUGE, 16, LOW, ReasonCode.WIDENS_COLUMN_TYPE),
                c("alterColumnType integer to bigint", new AlterColumnType(USERS, "age", "bigint", null, null, null),
                        HUGE, 16, HIGH, ReasonCode.WIDENS_COLUMN_TYPE, ReasonCode.REBUILDS_TABLE),
                c("alterColumnType narrowing", new AlterColumnType(USERS, "email", "varchar(20)", null, null, null),
                        EMPTY, 16, LOW, ReasonCode.NARROWS_COLUMN_TYPE),
                c("alterColumnType narrowing", new AlterColumnType(USERS, "email", "varchar(20)", null, null, null),
                        SMALL, 16, HIGH, ReasonCode.NARROWS_COLUMN_TYPE, ReasonCode.REBUILDS_TABLE),
                c("alterColumnType narrowing", new AlterColumnType(USERS, "email", "varchar(20)", null, null, null),
                        HUGE, 16, HIGH, 79, 79, ReasonCode.NARROWS_COLUMN_TYPE),
                c("alterColumnType numeric scale down", new AlterColumnType(USERS, "balance", "numeric(12,2)", null, null,
                        null), SMALL, 16, DESTRUCTIVE, ReasonCode.NARROWS_COLUMN_TYPE),
                c("alterColumnType text to integer", new AlterColumnType(USERS, "code", "integer", null, "code::integer",
                        null), SMALL, 16, HIGH, ReasonCode.CHANGES_COLUMN_TYPE, ReasonCode.REBUILDS_TABLE),
                c("setNotNull scanning", new SetNotNull(USERS, "nickname"), EMPTY, 16, SAFE,
                        ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                c("setNotNull scanning", new SetNotNull(USERS, "nickname"), SMALL, 16, MEDIUM,
                        ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                c("setNotNull scanning", new SetNotNull(USERS, "nickname"), HUGE, 16, HIGH,
                        ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                c("setNotNull proven by a CHECK", new SetNotNull(USERS, "name"), HUGE, 12, LOW,
                        ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                c("setNotNull with a CHECK before 12", new SetNotNull(USERS, "name"), HUGE, 11, HIGH,
                        ReasonCode.CHANGES_COLUMN_NULLABLE_TO_NOT_NULL),
                // renames, RLS, safe alternatives, long-running, raw
                c("renameTable", new RenameTable(USERS, "accounts"), SMALL, 16, HIGH, ReasonCode.RENAME_TABLE),
                c("renameColumn", new RenameColumn(USERS, "name", "full_name"), HUGE, 16, HIGH, ReasonCode.RENAME_COLUMN),
                c("enableRls without policies", new EnableRls(USERS, false), SMALL, 16, HIGH, ReasonCode.RLS_CHANGE),
                c("softDropColumn", new SoftDropColumn(USERS, "legacy", null), HUGE, 16, LOW, ReasonCode.SOFT_DROPS_COLUMN),
                c("archiveColumn", new ArchiveColumn(USERS, "legacy", null, List.of("id")), HUGE, 16, MEDIUM,
                        ReasonCode.ARCHIVES_COLUMN),
                withSetup(c("backfill of a new column", new Backfill(USERS, Map.of("plan", "'pro'"), null, null), SMALL, 16,
                        LOW, ReasonCode.REQUIRES_BACKFILL), new AddColumn(USERS, Column.of("plan", "text", false))),
                withSetup(c("backfill of a new column", new Backfill(USERS, Map.of("plan", "'pro'"), null, null), HUGE, 16,
                        MEDIUM, ReasonCode.REQUIRES_BACKFILL), new AddColumn(USERS, Column.of("plan", "text", false))),
                c("backfill overwriting values", new Backfill(USERS, Map.of("status", "'x'"), null, null), SMALL, 16,
                        DESTRUCTIVE, ReasonCode.REQUIRES_BACKFILL, ReasonCode.OVERWRITES_COLUMN_VALUES),
                c("backfill of NULLs only", new Backfill(USERS, Map.of("nickname", "name"), "nickname IS NULL", null),
                        SMALL, 16, LOW, ReasonCode.REQUIRES_BACKFILL),
                c("rebuildTable", new RebuildTable(USERS, null), HUGE, 16, HIGH, ReasonCode.REBUILDS_TABLE),
                c("rebuildTable", new RebuildTable(USERS, null), EMPTY, 16, SAFE, ReasonCode.REBUILDS_TABLE),
                c("rawSql", new RawSql("UPDATE users SET code = upper(code)", null), SMALL, 16, UNKNOWN, 55, 55,
                        ReasonCode.RAW_SQL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesInContext(Case c) {
        RiskContext context = context(c.tier, c.server, c.server == 14 ? 2 : 5);
        for (Operation setup : c.setup) {
            context = context.after(setup);
        }
        Assessment a = RiskModel.classify(c.op, context);
        assertThat(a.level()).as(c + ": level (notes: " + a.notes() + ")").isEqualTo(c.level);
        assertThat(a.score()).as(c + ": score").isBetween(c.min, c.max);
        assertThat(a.reasons()).as(c + ": reasons").containsAll(c.reasons);
        assertThat(a.level().contains(a.score())).isTrue();
    }

    @Test
    void casesRaiseEveryPublishedReasonCode() {
        Set<ReasonCode> raised = EnumSet.noneOf(ReasonCode.class);
        cases().forEach(c -> raised.addAll(c.reasons));
        assertThat(raised).containsAll(ReasonCode.publishedCodes());
        assertThat(ReasonCode.publishedCodes()).hasSize(21).extracting(ReasonCode::code).containsExactly(
                "adds_nullable_column", "adds_required_column_without_default", "adds_index", "adds_unique_constraint",
                "adds_foreign_key", "adds_extension", "drops_column_with_data", "drops_table_with_data", "drops_index",
                "drops_unique_constraint", "drops_foreign_key", "drops_extension", "narrows_column_type",
                "changes_column_type", "changes_column_nullable_to_not_null", "rebuilds_table", "requires_backfill",
                "rls_change", "rename_table", "rename_column", "raw_sql");
    }

    @Test
    void publishedTableCoversEveryKindAndEveryReasonIsReachable() {
        List<RiskTableRow> rows = RiskTable.rows();
        assertThat(rows).extracting(RiskTableRow::kind).containsAll(Arrays.asList(OperationKind.values()));
        Set<ReasonCode> raised = EnumSet.noneOf(ReasonCode.class);
        rows.forEach(r -> raised.addAll(r.base().reasons()));
        raised.add(ReasonCode.DROPS_EMPTY_COLUMN); // only on empty data; see the cases above
        raised.add(ReasonCode.DROPS_EMPTY_TABLE);
        assertThat(raised).containsExactlyInAnyOrder(ReasonCode.values());
    }

    @Test
    void everyScoreStaysInItsLevelsBandAcrossSizesAndVersions() {
        for (RiskTableRow row : RiskTable.rows()) {
            for (SizeTier tier : SizeTier.values()) {
                for (int[] version : new int[][]{{10, 0}, {11, 0}, {12, 0}, {14, 2}, {14, 10}, {16, 3}, {18, 1}}) {
                    RiskContext context = context(tier, version[0], version[1]);
                    for (Operation setup : row.setup()) {
                        context = context.after(setup);
                    }
                    Assessment a = RiskModel.classify(row.sample(), context);
                    assertThat(a.level().contains(a.score())).isTrue();
                    assertThat(a.level() == UNKNOWN).as(row.kind() + " " + row.variant())
                            .isEqualTo(row.kind() == OperationKind.RAW_SQL);
                    assertThat(a.reasons()).isNotEmpty();
                    assertThat(a.facts().canLoseData() == (a.level() == DESTRUCTIVE) || row.kind() == OperationKind.RAW_SQL)
                            .as("destructive exactly when data can be lost: " + row.kind() + " " + row.variant() + " "
                                    + tier).isTrue();
                }
            }
        }
    }

    @Test
    void onlineSafeRenderingsScoreBelowTheirBlockingForms() {
        List<Operation[]> pairs = List.of(
                new Operation[]{new AddIndex(USERS, NAME_INDEX, true), new AddIndex(USERS, NAME_INDEX, false)},
                new Operation[]{new DropIndex(USERS, "users_email_idx", null, true),
                        new DropIndex(USERS, "users_email_idx", null, false)},
                new Operation[]{new AddForeignKey(ORDERS, FK, true), new AddForeignKey(ORDERS, FK, false)},
                new Operation[]{new AddCheckConstraint(USERS, CHECK, true), new AddCheckConstraint(USERS, CHECK, false)},
                new Operation[]{new AddUniqueConstraint(USERS, UniqueConstraint.of("k", List.of("email")), "k"),
                        new AddUniqueConstraint(USERS, UniqueConstraint.of("k", List.of("email")), null)},
                new Operation[]{new SetNotNull(USERS, "name"), new SetNotNull(USERS, "nickname")});
        for (SizeTier tier : List.of(SMALL, LARGE, HUGE)) {
            for (Operation[] pair : pairs) {
                int online = RiskModel.classify(pair[0], context(tier, 16)).score();
                int blocking = RiskModel.classify(pair[1], context(tier, 16)).score();
                assertThat(online).as(pair[0].summary() + " vs " + pair[1].summary() + " on " + tier).isLessThan(blocking);
            }
        }
    }

    @Test
    void archiveColumnBlocksWritesWhileItCopiesThenTakesAccessExclusiveBriefly() {
        Assessment a = RiskModel.classify(new ArchiveColumn(USERS, "legacy", null, List.of("id")), context(HUGE, 16));
        assertThat(a.facts().locks()).singleElement().satisfies(l -> {
            assertThat(l.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(l.held()).isEqualTo(TableLock.BRIEF_AFTER_SHARE_SCAN);
            assertThat(l.describe()).isEqualTo("SHARE on public.users (scan), then ACCESS EXCLUSIVE (brief)");
        });
        assertThat(a.facts().scan()).isTrue();
        assertThat(a.notes()).anyMatch(n -> n.contains("locked in SHARE mode for the copy"));
        assertThat(new ArchiveColumn(USERS, "legacy", null, List.of("id")).render(dev.zanith.api.ops.RenderContext.preview())
                .sql()).element(1).isEqualTo("LOCK TABLE public.users IN SHARE MODE");
    }

    @Test
    void theSameOperationScoresHigherOnAHugeTableAndSaysWhy() {
        Operation op = new AddIndex(USERS, NAME_INDEX, false);
        Assessment empty = RiskModel.classify(op, context(EMPTY, 16));
        Assessment small = RiskModel.classify(op, context(SMALL, 16));
        Assessment huge = RiskModel.classify(op, context(HUGE, 16));
        assertThat(empty.score()).isLessThan(small.score());
        assertThat(small.score()).isLessThan(huge.score());
        assertThat(huge.notes()).contains("public.users has ~50,000,000 rows (12.0 GB)");
        assertThat(empty.notes()).contains("public.users is empty");
        assertThat(huge.facts().locks()).singleElement().satisfies(l -> {
            assertThat(l.mode()).isEqualTo(LockMode.SHARE);
            assertThat(l.mode().blocksWrites()).isTrue();
            assertThat(l.mode().blocksReads()).isFalse();
        });
        assertThat(huge.hint()).contains("concurrently: true");
    }

    @Test
    void neverAnalyzedTablesAreSizedByBytes() {
        RiskContext context = RiskContext.builder().live(RiskTable.graph())
                .statistics(Map.of(USERS, new TableStatistics(-1, 20L << 30))).build();
        Assessment a = RiskModel.classify(new AddIndex(USERS, NAME_INDEX, false), context);
        assertThat(a.level()).isEqualTo(HIGH);
        assertThat(a.notes()).anyMatch(n -> n.contains("no row estimate (never analyzed); 20.0 GB on disk"));
    }

    @Test
    void aTableCreatedEarlierInThePlanIsEmptyAndUnused() {
        TableName sessions = new TableName("public", "sessions");
        RiskContext context = context(HUGE, 16).after(new CreateTable(Table.of("public", "sessions",
                List.of(Column.of("id", "uuid", true), Column.of("note", "text", false)))));
        assertThat(context.isNewTable(sessions)).isTrue();
        Assessment index = RiskModel.classify(new AddIndex(sessions, Index.of("s_note", List.of("note")), false), context);
        assertThat(index.level()).isEqualTo(SAFE);
        assertThat(index.notes()).contains("public.sessions is created earlier in this plan, so it is empty");
        assertThat(RiskModel.classify(new RenameColumn(sessions, "note", "memo"), context).level()).isEqualTo(SAFE);
        Assessment drop = RiskModel.classify(new DropTable(sessions, null), context);
        assertThat(drop.reasons()).containsExactly(ReasonCode.DROPS_EMPTY_TABLE);
        assertThat(drop.facts().canLoseData()).isFalse();
        assertThat(RiskModel.classify(ADD_REQUIRED, context.after(new DropTable(USERS, null)).after(new CreateTable(
                Table.of("public", "users", List.of(Column.of("id", "bigint", true)))))).level()).isEqualTo(SAFE);
    }

    @Test
    void defaultVolatilityComesFromTheContextNotFromAList() {
        Operation add = new AddColumn(USERS, Column.of("n", "integer", true).withDefault("public.next_ticket()"));
        RiskContext base = context(HUGE, 16);
        RiskContext volatileFn = RiskContext.builder().server(base.server()).live(RiskTable.graph())
                .statistics(Map.of(USERS, STATS.get(HUGE))).volatility(Map.of("public.next_ticket", Volatility.VOLATILE))
                .build();
        RiskContext immutableFn = RiskContext.builder().server(base.server()).live(RiskTable.graph())
                .statistics(Map.of(USERS, STATS.get(HUGE))).volatility(Map.of("public.next_ticket", Volatility.IMMUTABLE))
                .build();
        Assessment rewrites = RiskModel.classify(add, volatileFn);
        assertThat(rewrites.facts().rewrite()).isTrue();
        assertThat(rewrites.reasons()).contains(ReasonCode.REBUILDS_TABLE);
        assertThat(rewrites.notes()).anyMatch(n -> n.contains("public.next_ticket(), volatile in pg_proc"));
        Assessment fast = RiskModel.classify(add, immutableFn);
        assertThat(fast.facts().rewrite()).isFalse();
        assertThat(fast.level()).isEqualTo(LOW);
        assertThat(fast.notes()).contains("PostgreSQL 16: fast default, no rewrite (the value is stored once in the catalog)");
        Assessment unknown = RiskModel.classify(add, base);
        assertThat(unknown.facts().rewrite()).isTrue();
        assertThat(unknown.notes()).anyMatch(n -> n.contains("not found in pg_proc: assumed volatile"));
        // now() is stable: evaluated once, no rewrite; CURRENT_TIMESTAMP is no function call at all
        assertThat(RiskModel.classify(new AddColumn(USERS, Column.of("at", "timestamptz", false).withDefault("now()")),
                base).facts().rewrite()).isFalse();
        assertThat(RiskModel.classify(new AddColumn(USERS, Column.of("at", "timestamptz", false)
                .withDefault("CURRENT_TIMESTAMP")), base).facts().rewrite()).isFalse();
    }

    @Test
    void identitySerialAndStoredGeneratedColumnsRewriteVirtualOnesDoNotFrom18() {
        Column identity = new Column("seq", "bigint", true, null, new dev.zanith.api.schema.Identity(
                dev.zanith.api.schema.Identity.Generation.ALWAYS, null), null, null, null);
        assertThat(RiskModel.classify(new AddColumn(USERS, identity), context(SMALL, 16)).facts().rewrite()).isTrue();
        assertThat(RiskModel.classify(new AddColumn(USERS, Column.of("seq", "bigserial", true)), context(SMALL, 16))
                .facts().rewrite()).isTrue();
        Column stored = new Column("g", "integer", false, null, null, new dev.zanith.api.schema.GeneratedColumn("age * 2", true),
                null, null);
        Column virtual = new Column("g", "integer", false, null, null, new dev.zanith.api.schema.GeneratedColumn("age * 2",
                false), null, null);
        assertThat(RiskModel.classify(new AddColumn(USERS, stored), context(SMALL, 18)).facts().rewrite()).isTrue();
        assertThat(RiskModel.classify(new AddColumn(USERS, virtual), context(SMALL, 18)).facts().rewrite()).isFalse();
    }

    @Test
    void versionGates() {
        Assessment enum11 = RiskModel.classify(new AddEnumValue(new TableName("public", "mood"), "great", null, null),
                context(SMALL, 11));
        assertThat(enum11.facts().transactional()).isFalse();
        Assessment enum12 = RiskModel.classify(new AddEnumValue(new TableName("public", "mood"), "great", null, null),
                context(SMALL, 12));
        assertThat(enum12.facts().transactional()).isTrue();
        Assessment buggy = RiskModel.classify(new AddIndex(USERS, NAME_INDEX, true), context(SMALL, 14, 2));
        Assessment fixed = RiskModel.classify(new AddIndex(USERS, NAME_INDEX, true), context(SMALL, 14, 4));
        assertThat(buggy.score()).isGreaterThan(fixed.score());
        assertThat(buggy.notes()).anyMatch(n -> n.contains("14.2 can corrupt indexes built CONCURRENTLY"));
        assertThat(fixed.facts().transactional()).isFalse();
        Assessment proven = RiskModel.classify(new SetNotNull(USERS, "name"), context(HUGE, 12));
        assertThat(proven.facts().scan()).isFalse();
        assertThat(proven.notes()).anyMatch(n -> n.contains("PostgreSQL 12: the validated CHECK users_name_not_null proves"));
        Assessment unproven = RiskModel.classify(new SetNotNull(USERS, "name"), context(HUGE, 11));
        assertThat(unproven.facts().scan()).isTrue();
        // timestamp <-> timestamptz: no rewrite from 12 with a UTC session only
        Operation tz = new AlterColumnType(USERS, "deleted_at", "timestamp without time zone", null, null, null);
        RiskContext utc = RiskContext.builder().server(new ServerVersion(160000)).live(RiskTable.graph()).utcSession(true)
                .build();
        RiskContext local = RiskContext.builder().server(new ServerVersion(160000)).live(RiskTable.graph()).build();
        assertThat(RiskModel.classify(tz, utc).facts().rewrite()).isFalse();
        assertThat(RiskModel.classify(tz, local).facts().rewrite()).isTrue();
    }

    @Test
    void foreignKeysLockTheReferencedTableToo() {
        Assessment add = RiskModel.classify(new AddForeignKey(ORDERS, FK, false), context(SMALL, 16));
        assertThat(add.facts().locks()).extracting(TableLock::table, TableLock::mode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ORDERS, LockMode.SHARE_ROW_EXCLUSIVE),
                org.assertj.core.groups.Tuple.tuple(USERS, LockMode.SHARE_ROW_EXCLUSIVE));
        // a hand-written drop without a definition: the referenced table comes from the live graph
        Assessment drop = RiskModel.classify(new DropForeignKey(ORDERS, "orders_user_fk", null), context(SMALL, 16));
        assertThat(drop.facts().locks()).extracting(TableLock::table).containsExactly(ORDERS, USERS);
        Assessment validate = RiskModel.classify(new dev.zanith.api.ops.ValidateConstraint(ORDERS, "orders_user_fk"),
                context(SMALL, 16));
        assertThat(validate.facts().locks()).extracting(TableLock::mode)
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE, LockMode.ROW_SHARE);
        // a hand-written unique index drop without a definition: uniqueness comes from the live graph
        RiskContext withUnique = context(SMALL, 16).after(new AddIndex(USERS, new Index("users_code_key", true, "btree",
                List.of("code"), List.of(), false, null, List.of(), true), true));
        assertThat(RiskModel.classify(new DropIndex(USERS, "users_code_key", null, true), withUnique).reasons())
                .contains(ReasonCode.DROPS_UNIQUE_CONSTRAINT);
    }

    @Test
    void renamesEarlierInThePlanAreFollowedBackToTheLiveNames() {
        RiskContext context = context(SMALL, 16).after(new RenameTable(USERS, "accounts"))
                .after(new RenameColumn(new TableName("public", "accounts"), "legacy", "old_legacy"));
        TableName accounts = new TableName("public", "accounts");
        assertThat(context.liveTable(accounts)).contains(USERS);
        assertThat(context.liveColumn(accounts, "old_legacy")).contains("legacy");
        assertThat(context.isNewTable(accounts)).isFalse();
        Assessment drop = RiskModel.classify(new DropColumn(accounts, "old_legacy", null), context);
        assertThat(drop.reasons()).containsExactly(ReasonCode.DROPS_COLUMN_WITH_DATA);
        Assessment empty = RiskModel.classify(new DropColumn(accounts, "old_legacy", null),
                context.withHoldsData(DataRef.column(USERS, "legacy"), false));
        assertThat(empty.reasons()).containsExactly(ReasonCode.DROPS_EMPTY_COLUMN);
    }

    @Test
    void dropsWithUnmeasuredDataAreAssumedToHoldData() {
        RiskContext unmeasured = RiskContext.builder().live(RiskTable.graph()).build();
        Assessment a = RiskModel.classify(new DropColumn(USERS, "legacy", null), unmeasured);
        assertThat(a.reasons()).containsExactly(ReasonCode.DROPS_COLUMN_WITH_DATA);
        assertThat(a.notes()).contains("whether it holds values was not checked: assumed it does");
    }

    @Test
    void droppingAGeneratedColumnIsGatedLikeAnyButSaysItsValuesAreComputedAgain() {
        // the differ drops one around a routine dropped and created again, and adds it back after
        Column generated = new Column("legacy", "integer", false, null, null,
                new dev.zanith.api.schema.GeneratedColumn("public.f(age)", true), null, null);
        Assessment a = RiskModel.classify(new DropColumn(USERS, "legacy", generated), context(SMALL, 16));
        assertThat(a.reasons()).containsExactly(ReasonCode.DROPS_COLUMN_WITH_DATA);
        assertThat(a.level()).isEqualTo(DESTRUCTIVE);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("a generated column").contains("computes them again"));
    }

    @Test
    void rawSqlIsUnknownButDestructiveKeywordsNeedConsent() {
        Assessment update = RiskModel.classify(new RawSql("UPDATE users SET code = upper(code);", null), context(SMALL, 16));
        assertThat(update.level()).isEqualTo(UNKNOWN);
        assertThat(update.facts().rewrite()).isNull();
        assertThat(update.facts().dataLoss()).isNull();
        assertThat(update.facts().canLoseData()).isFalse();
        for (String sql : List.of("DROP TABLE users", "alter table users drop column legacy", "TRUNCATE orders",
                "DELETE FROM orders WHERE id < 10", "ALTER TABLE users DROP legacy")) {
            Assessment a = RiskModel.classify(new RawSql(sql, null), context(SMALL, 16));
            assertThat(a.facts().canLoseData()).as(sql).isTrue();
            assertThat(a.level()).isEqualTo(UNKNOWN);
        }
        for (String sql : List.of("ALTER TABLE users DROP CONSTRAINT x", "ALTER TABLE users ALTER COLUMN a DROP DEFAULT",
                "-- DROP TABLE users\nSELECT 1", "SELECT 'DROP TABLE users'")) {
            assertThat(RiskModel.classify(new RawSql(sql, null), context(SMALL, 16)).facts().canLoseData()).as(sql).isFalse();
        }
        assertThat(RiskModel.classify(new RawSql("CREATE INDEX CONCURRENTLY i ON users (name)", false), context(SMALL, 16))
                .facts().transactional()).isFalse();
    }

    @Test
    void everyKindHasAClassificationInEveryTier() {
        List<String> missing = new ArrayList<>();
        for (OperationKind kind : OperationKind.values()) {
            if (RiskTable.rows().stream().noneMatch(r -> r.kind() == kind)) {
                missing.add(kind.id());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void provesNotNullReadsTheCheckExpression() {
        assertThat(RiskModel.provesNotNull("(email IS NOT NULL)", "email")).isTrue();
        assertThat(RiskModel.provesNotNull("((\"Email\") IS NOT NULL)", "Email")).isTrue();
        assertThat(RiskModel.provesNotNull("(email IS NOT NULL AND email <> '')", "email")).isFalse();
        assertThat(RiskModel.provesNotNull("(name IS NOT NULL)", "email")).isFalse();
    }
}
