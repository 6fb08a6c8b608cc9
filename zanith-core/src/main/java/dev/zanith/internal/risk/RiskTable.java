package dev.zanith.internal.risk;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.DataRef;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.risk.Volatility;
import dev.zanith.api.risk.RiskTableRow;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.internal.introspect.CatalogFacts;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddEnumValue;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPartitionedIndex;
import dev.zanith.api.ops.AttachPartition;
import dev.zanith.api.ops.CreatePartition;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.DropPartition;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.AlterSequence;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.ArchiveTable;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.CreateEnum;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreatePolicy;
import dev.zanith.api.ops.CreateSchema;
import dev.zanith.api.ops.CreateSequence;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DisableRls;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropDefault;
import dev.zanith.api.ops.DropEnum;
import dev.zanith.api.ops.DropExtension;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIdentity;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropNotNull;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropPrimaryKey;
import dev.zanith.api.ops.DropSequence;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.DropUniqueConstraint;
import dev.zanith.api.ops.EnableRls;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RebuildTable;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameConstraint;
import dev.zanith.api.ops.RenameIndex;
import dev.zanith.api.ops.RenameSequence;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.ops.SetDefault;
import dev.zanith.api.ops.SetIdentity;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.SoftDropColumn;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.ops.CreateEventTrigger;
import dev.zanith.api.ops.DropEventTrigger;
import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.ops.CreateFunction;
import dev.zanith.api.ops.CreateTrigger;
import dev.zanith.api.ops.DisableTrigger;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.DropTrigger;
import dev.zanith.api.ops.EnableTrigger;
import dev.zanith.api.ops.ReplaceFunction;
import dev.zanith.api.ops.ReplaceTrigger;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.Trigger;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.TypeAttribute;
import dev.zanith.api.ops.CreateDomain;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.GeneratedColumn;
import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.Index;
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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published risk table: every operation kind (several variants where the rendering or the column
 * changes the verdict), classified by the same {@link RiskModel} the planner uses, on a populated table of
 * {@code ~20,000} rows, and re-scored for an empty, a large and a huge table. {@code zanith risk} prints it;
 * docs/RISK.md is its markdown form, kept identical by a test.
 */
public final class RiskTable {

    /** The table every sample operates on, and the one foreign keys reference. */
    public static final TableName TABLE = new TableName("public", "users");
    static final TableName ORDERS = new TableName("public", "orders");
    /** The published partitioned table (RANGE on {@code at}) and the ordinary table the attach rows attach to it. */
    static final TableName EVENTS = new TableName("public", "events");
    static final TableName EVENTS_FEBRUARY = new TableName("public", "events_2026_02");
    private static final Partition JANUARY = Partition.of("public", "events_2026_01",
            "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')");
    private static final Partition FEBRUARY = Partition.of("public", "events_2026_02",
            "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')");
    /** A domain with a CHECK in the published context: {@code CREATE DOMAIN public.positive_amount AS numeric CHECK (VALUE > 0)}. */
    public static final String POSITIVE_AMOUNT = "public.positive_amount";
    /** A domain without constraints in the published context: {@code CREATE DOMAIN public.amount AS numeric(12,4)}. */
    public static final String AMOUNT = "public.amount";

    /**
     * The rows of the observation matrix beyond the published table's: context rules the sample table does not show,
     * named as the matrix names them (a test holds the matrix to this list).
     */
    public static final List<String> OBSERVED_CONTEXT_RULES = List.of(
            "alterColumnType (timestamp to timestamptz in UTC, indexed: operator class changes)",
            "alterColumnType (timestamp to timestamptz in UTC, no index)",
            "alterColumnType (a view selects the column: refused)",
            "alterColumnType (the view over the column is dropped earlier in the plan: not refused)",
            "alterColumnType (collation change, column in an exclusion constraint: its index is rebuilt)",
            "alterColumnType (binary-coercible widening, column in an exclusion constraint: nothing rebuilt)");

    private static final Map<SizeTier, TableStatistics> SIZES = Map.of(
            SizeTier.EMPTY, new TableStatistics(0, 16_384),
            SizeTier.SMALL, new TableStatistics(20_000, 5L * 1024 * 1024),
            SizeTier.LARGE, new TableStatistics(2_000_000, 800L * 1024 * 1024),
            SizeTier.HUGE, new TableStatistics(50_000_000, 12L * 1024 * 1024 * 1024));

    private RiskTable() {
    }

    /** Every row, in operation-kind order. */
    public static List<RiskTableRow> rows() {
        List<RiskTableRow> rows = new ArrayList<>();
        for (Sample sample : samples()) {
            Map<SizeTier, Integer> bySize = new EnumMap<>(SizeTier.class);
            Assessment base = null;
            for (SizeTier tier : SizeTier.values()) {
                RiskContext context = context(tier);
                for (Operation setup : sample.setup) {
                    context = context.after(setup);
                }
                Assessment assessment = RiskModel.classify(sample.operation, context);
                bySize.put(tier, assessment.score());
                if (tier == SizeTier.SMALL) {
                    base = assessment;
                }
            }
            rows.add(new RiskTableRow(sample.operation.kind(), sample.variant, sample.operation, sample.setup, base, bySize));
        }
        return rows;
    }

    /** The context of the published table: PostgreSQL 14 (the oldest supported), {@code public.users} of {@code tier}. */
    public static RiskContext context(SizeTier tier) {
        return context(tier, new ServerVersion(ServerVersion.MINIMUM_MAJOR * 10000 + 10));
    }

    /** The published context on another server version (the observation matrix classifies for the server it runs on). */
    public static RiskContext context(SizeTier tier, ServerVersion server) {
        return context(tier, server, false);
    }

    /** The published context on another server version, with the session time zone UTC or not. */
    public static RiskContext context(SizeTier tier, ServerVersion server, boolean utcSession) {
        boolean data = tier != SizeTier.EMPTY;
        Map<DataRef, Boolean> holds = new HashMap<>();
        for (Table t : graph().tables()) {
            holds.put(DataRef.table(t.qualifiedName()), data);
            t.columns().forEach(c -> holds.put(DataRef.column(t.qualifiedName(), c.name()), data));
        }
        return RiskContext.builder().server(server).live(graph())
                .statistics(Map.of(TABLE, SIZES.get(tier), ORDERS, SIZES.get(tier), EVENTS, SIZES.get(tier),
                        EVENTS_FEBRUARY, SIZES.get(tier))).holdsData(holds)
                .volatility(Map.of("now", Volatility.STABLE, "gen_random_uuid", Volatility.VOLATILE,
                        "lower", Volatility.IMMUTABLE))
                .domains(Map.of(POSITIVE_AMOUNT, new CatalogFacts.Domain("numeric", true),
                        AMOUNT, new CatalogFacts.Domain("numeric(12,4)", false))).utcSession(utcSession)
                .build();
    }

    static SchemaGraph graph() {
        Table users = new Table("public", "users", false, List.of(
                new Column("id", "bigint", true, null, new Identity(Identity.Generation.ALWAYS,
                        new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false)), null, null, null),
                Column.of("email", "character varying(100)", true), Column.of("name", "text", false),
                Column.of("nickname", "text", false), Column.of("handle", "character varying(20)", false),
                Column.of("age", "integer", false), Column.of("balance", "numeric(12,4)", false),
                Column.of("code", "text", false), new Column("status", "text", true, "'active'::text", null, null, null,
                        null), Column.of("legacy", "text", false), Column.of("deleted_at", "timestamp with time zone", false)),
                PrimaryKey.of("users_pkey", List.of("id")), List.of(UniqueConstraint.of("users_handle_key", List.of("handle"))),
                List.of(new CheckConstraint("users_name_not_null", "(name IS NOT NULL)", true, false),
                        new CheckConstraint("users_age_check", "(age > 0)", false, false)),
                List.of(), List.of(Index.of("users_email_idx", List.of("email"))), false, false, List.of(), null);
        Table orders = new Table("public", "orders", false, List.of(Column.of("id", "bigint", true),
                Column.of("user_id", "bigint", false), Column.of("total", "numeric(12,2)", false)),
                PrimaryKey.of("orders_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("orders_user_fk", List.of("user_id"), "public", "users", List.of("id"), null, null,
                        null, false, false, false)),
                List.of(Index.of("orders_user_idx", List.of("user_id"))), false, false, List.of(), null);
        List<Column> eventColumns = List.of(Column.of("id", "bigint", true), Column.of("at", "date", true),
                Column.of("region", "text", false));
        Table events = Table.of(EVENTS.schema(), EVENTS.name(), eventColumns)
                .withPartitioning(new Partitioning("RANGE (at)", List.of(JANUARY)));
        Table february = Table.of(EVENTS_FEBRUARY.schema(), EVENTS_FEBRUARY.name(), eventColumns);
        return new SchemaGraph(List.of("public"), List.of(), List.of(new EnumType("public", "mood", List.of("ok"), null)),
                List.of(new Sequence("public", "invoice_numbers", new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1,
                        false), null, null)), List.of(users, orders, events, february));
    }

    /** A domain over text that the samples give to {@code users.nickname} ({@link #labelColumn}). */
    private static final Domain LABEL = new Domain("public", "label", "text", null, null, false, List.of());
    private static final DomainConstraint LABEL_CHECK = new DomainConstraint("label_length",
            "CHECK ((length(VALUE) < 100))", true);
    private static final dev.zanith.api.schema.CompositeType ADDRESS = new dev.zanith.api.schema.CompositeType("public",
            "address", List.of(new TypeAttribute("street", "text", null), new TypeAttribute("zip", "integer", null)));
    private static final dev.zanith.api.schema.RangeType FLOAT_RANGE = new dev.zanith.api.schema.RangeType("public",
            "floatrange", "double precision", "pg_catalog.float8_ops", null, null, "pg_catalog.float8mi",
            "floatmultirange");
    private static final String CODE_EXCLUSION = "EXCLUDE USING btree (code WITH =)";
    private static final dev.zanith.api.schema.StatisticsObject AGE_BALANCE = new dev.zanith.api.schema.StatisticsObject(
            "public", "users_age_balance", "public", "users",
            "CREATE STATISTICS public.users_age_balance (dependencies) ON age, balance FROM public.users");

    /** Setup: {@link #LABEL} created and {@code users.nickname} converted to it (the same base type: no rewrite). */
    private static Operation[] labelColumn(Operation... then) {
        List<Operation> setup = new ArrayList<>(List.of(new CreateDomain(LABEL), new AlterColumnType(TABLE, "nickname",
                LABEL.sqlName(), null, null, "text")));
        setup.addAll(List.of(then));
        return setup.toArray(Operation[]::new);
    }

    /** The sample view: {@code public.user_emails AS SELECT id, email FROM public.users}. */
    static final dev.zanith.api.schema.View USER_EMAILS = new dev.zanith.api.schema.View("public", "user_emails", false,
            "SELECT users.id,\n    users.email\n   FROM public.users", List.of(
            new dev.zanith.api.schema.View.ViewColumn("id", "bigint"),
            new dev.zanith.api.schema.View.ViewColumn("email", "character varying(100)")), List.of(), false, List.of(),
            List.of(new dev.zanith.api.schema.View.ViewDependency(TABLE, List.of("email", "id"))), null);
    /** The sample view with a column appended: what CREATE OR REPLACE VIEW can do in place. */
    static final dev.zanith.api.schema.View USER_EMAILS_WITH_NAME = new dev.zanith.api.schema.View("public",
            "user_emails", false, "SELECT users.id,\n    users.email,\n    users.name\n   FROM public.users", List.of(
            new dev.zanith.api.schema.View.ViewColumn("id", "bigint"),
            new dev.zanith.api.schema.View.ViewColumn("email", "character varying(100)"),
            new dev.zanith.api.schema.View.ViewColumn("name", "text")), List.of(), false, List.of(),
            List.of(new dev.zanith.api.schema.View.ViewDependency(TABLE, List.of("email", "id", "name"))), null);
    /** The sample materialized view, with the unique index REFRESH ... CONCURRENTLY needs. */
    static final dev.zanith.api.schema.View USER_STATUSES = new dev.zanith.api.schema.View("public", "user_statuses",
            true, "SELECT users.status,\n    count(*) AS users\n   FROM public.users\n  GROUP BY users.status", List.of(
            new dev.zanith.api.schema.View.ViewColumn("status", "text"),
            new dev.zanith.api.schema.View.ViewColumn("users", "bigint")), List.of(), false,
            List.of(new Index("user_statuses_status_key", true, "btree", List.of("status"), List.of(), false, null,
                    List.of(), true)),
            List.of(new dev.zanith.api.schema.View.ViewDependency(TABLE, List.of("status"))), null);

    private record Sample(String variant, Operation operation, List<Operation> setup) {
    }

    private static Sample s(String variant, Operation operation, Operation... setup) {
        return new Sample(variant, operation, List.of(setup));
    }

    private static List<Sample> samples() {
        TableName t = TABLE;
        Policy policy = new Policy("own_rows", "ALL", true, List.of("PUBLIC"), "(id > 0)", null);
        Index emailLower = new Index("users_email_lower", true, "btree", List.of("lower((email)::text)"), List.of(),
                false, null, List.of(), true);
        List<Sample> samples = List.of(
                s("", new CreateSchema("billing")),
                s("", new CreateExtension("pg_trgm", null)),
                s("", new CreateEnum(new EnumType("public", "plan", List.of("free", "pro"), null))),
                s("", new AddEnumValue(new TableName("public", "mood"), "great", null, null)),
                s("", new CreateSequence(new Sequence("public", "ticket_numbers",
                        new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false), null, null))),
                s("", new CreateTable(Table.of("public", "sessions", List.of(Column.of("id", "uuid", true))))),
                s("nullable", new AddColumn(t, Column.of("last_login", "timestamp with time zone", false))),
                s("with a default", new AddColumn(t, Column.of("plan", "text", true).withDefault("'free'::text"))),
                s("volatile default", new AddColumn(t, Column.of("token", "uuid", true).withDefault("gen_random_uuid()"))),
                s("stable default (now())", new AddColumn(t, Column.of("joined_at", "timestamp with time zone", true)
                        .withDefault("now()"))),
                s("a domain with a CHECK", new AddColumn(t, Column.of("credit", POSITIVE_AMOUNT, false))),
                s("required, no default", new AddColumn(t, Column.of("tenant_id", "bigint", true))),
                s("concurrently", new AddIndex(t, Index.of("users_name_idx", List.of("name")), true)),
                s("blocking", new AddIndex(t, Index.of("users_name_idx", List.of("name")), false)),
                s("unique, concurrently", new AddIndex(t, emailLower, true)),
                s("using an index", new AddPrimaryKey(ORDERS, PrimaryKey.of("orders_pk", List.of("id")), "orders_pk"),
                        new DropPrimaryKey(ORDERS, "orders_pkey", null), new AddIndex(ORDERS, new Index("orders_pk", true,
                                "btree", List.of("id"), List.of(), false, null, List.of(), true), true)),
                s("builds its index", new AddPrimaryKey(ORDERS, PrimaryKey.of("orders_pk", List.of("id")), null),
                        new DropPrimaryKey(ORDERS, "orders_pkey", null)),
                s("using an index", new AddUniqueConstraint(t, UniqueConstraint.of("users_email_key", List.of("email")),
                        "users_email_key"), new AddIndex(t, new Index("users_email_key", true, "btree", List.of("email"),
                        List.of(), false, null, List.of(), true), true)),
                s("builds its index", new AddUniqueConstraint(t, UniqueConstraint.of("users_email_key", List.of("email")),
                        null)),
                s("NOT VALID", new AddForeignKey(ORDERS, ForeignKey.of("orders_user_fk2", List.of("user_id"), t,
                        List.of("id")), true)),
                s("validated", new AddForeignKey(ORDERS, ForeignKey.of("orders_user_fk2", List.of("user_id"), t,
                        List.of("id")), false)),
                s("NOT VALID", new AddCheckConstraint(t, new CheckConstraint("users_code_len", "length(code) < 10", true,
                        false), true)),
                s("validated", new AddCheckConstraint(t, new CheckConstraint("users_code_len", "length(code) < 10", true,
                        false), false)),
                s("with data", new DropTable(ORDERS, null)),
                s("with data", new DropColumn(t, "legacy", null)),
                s("concurrently", new DropIndex(t, "users_email_idx", null, true)),
                s("blocking", new DropIndex(t, "users_email_idx", null, false)),
                s("", new DropPrimaryKey(ORDERS, "orders_pkey", null)),
                s("", new DropUniqueConstraint(t, "users_handle_key", null)),
                s("", new DropForeignKey(ORDERS, "orders_user_fk", null)),
                s("", new DropCheckConstraint(t, "users_age_check", null)),
                s("", new DropExtension("pg_trgm", null), new CreateExtension("pg_trgm", null)),
                s("", new DropEnum(new TableName("public", "mood"), null)),
                s("", new DropSequence(new TableName("public", "invoice_numbers"), null)),
                s("", new dev.zanith.api.ops.DropSchema("legacy")),
                s("binary-coercible widening", new AlterColumnType(t, "handle", "character varying(50)", null, null, null)),
                s("widening with rewrite", new AlterColumnType(t, "age", "bigint", null, null, null)),
                s("narrowing", new AlterColumnType(t, "email", "character varying(20)", null, null, null)),
                s("lossy", new AlterColumnType(t, "balance", "numeric(12,2)", null, null, null)),
                s("other conversion", new AlterColumnType(t, "code", "integer", null, "code::integer", null)),
                s("collation change, indexed column", new AlterColumnType(t, "handle", "character varying(20)", "C", null,
                        null)),
                s("to a domain without constraints over the same type", new AlterColumnType(t, "balance", AMOUNT, null,
                        null, null)),
                s("to a domain with a CHECK", new AlterColumnType(t, "balance", POSITIVE_AMOUNT, null, null, null)),
                s("binary-coercible, CHECK on the column", new AlterColumnType(t, "name", "character varying", null, null,
                        null)),
                s("validated foreign key column, converted", new AlterColumnType(ORDERS, "user_id", "integer", null, null,
                        null), new ValidateConstraint(ORDERS, "orders_user_fk")),
                s("a stored generated column uses it", new AlterColumnType(t, "name", "character varying", null, null,
                        null), new AddColumn(t, new Column("name_upper", "text", false, null, null,
                        new GeneratedColumn("upper(name)", true), null, null))),
                s("referenced by a validated foreign key, converted", new AlterColumnType(t, "id", "integer", null, null,
                        null), new ValidateConstraint(ORDERS, "orders_user_fk")),
                s("referenced by a foreign key, binary-coercible", new AlterColumnType(t, "handle",
                        "character varying(50)", null, null, null), new AddColumn(ORDERS, Column.of("handle",
                        "character varying(20)", false)), new AddForeignKey(ORDERS, ForeignKey.of("orders_handle_fk",
                        List.of("handle"), t, List.of("handle")), false)),
                s("scans", new SetNotNull(t, "nickname")),
                s("proven by a CHECK", new SetNotNull(t, "name")),
                s("", new DropNotNull(t, "email")),
                s("", new SetDefault(t, "deleted_at", "now()", null)),
                s("", new DropDefault(t, "status", null)),
                s("", new SetIdentity(ORDERS, "id", new Identity(Identity.Generation.BY_DEFAULT, null), null)),
                s("", new DropIdentity(t, "id", null)),
                s("", new AlterSequence(new TableName("public", "invoice_numbers"), null, "orders", "id", null, null, null)),
                s("", new SetComment("table", t, null, "people who sign in", null)),
                s("", new RenameTable(t, "accounts")),
                s("", new RenameColumn(t, "name", "full_name")),
                s("", new RenameIndex(t, "users_email_idx", "users_email_index")),
                s("", new RenameConstraint(t, "users_handle_key", "users_handle_unique")),
                s("", new RenameSequence(new TableName("public", "invoice_numbers"), "invoice_no")),
                s("", new dev.zanith.api.ops.RenameEnum(new TableName("public", "mood"), "feeling")),
                s("no policy yet", new EnableRls(t, false)),
                s("with policies", new EnableRls(t, false), new CreatePolicy(t, policy)),
                s("", new DisableRls(t), new EnableRls(t, false)),
                s("row level security on", new CreatePolicy(t, policy), new EnableRls(t, false)),
                s("row level security on", new DropPolicy(t, "own_rows", policy), new CreatePolicy(t, policy),
                        new EnableRls(t, false)),
                s("", new SoftDropColumn(t, "legacy", null)),
                s("", new SoftDropTable(ORDERS, null)),
                s("", new ArchiveColumn(t, "legacy", null, List.of("id"))),
                s("", new ArchiveTable(ORDERS, null)),
                s("fills a new column", new Backfill(t, Map.of("plan", "'pro'"), null, null),
                        new AddColumn(t, Column.of("plan", "text", false))),
                s("overwrites values", new Backfill(t, Map.of("status", "'inactive'"), "deleted_at IS NOT NULL", null)),
                s("VACUUM FULL", new RebuildTable(t, null)),
                s("CLUSTER", new RebuildTable(t, "users_pkey")),
                s("", new ValidateConstraint(ORDERS, "orders_user_fk")),
                s("", new RawSql("UPDATE users SET code = upper(code);", null)),
                s("", new CreateDomain(new Domain("public", "email_address", "text", null, null, false,
                        List.of(new DomainConstraint("email_address_check", "CHECK ((VALUE ~~ '%@%'::text))", true))))),
                s("", new dev.zanith.api.ops.DropDomain(LABEL.qualifiedName(), LABEL), new CreateDomain(LABEL)),
                s("", new dev.zanith.api.ops.SetDomainDefault(LABEL.qualifiedName(), "'none'::text", null),
                        new CreateDomain(LABEL)),
                s("set, columns use it", new dev.zanith.api.ops.SetDomainNotNull(LABEL.qualifiedName(), true),
                        labelColumn()),
                s("drop", new dev.zanith.api.ops.SetDomainNotNull(LABEL.qualifiedName(), false),
                        new CreateDomain(LABEL.withNotNull(true))),
                s("NOT VALID, columns use it", new dev.zanith.api.ops.AddDomainConstraint(LABEL.qualifiedName(),
                        LABEL_CHECK, true), labelColumn()),
                s("validated, columns use it", new dev.zanith.api.ops.AddDomainConstraint(LABEL.qualifiedName(),
                        LABEL_CHECK, false), labelColumn()),
                s("columns use it", new dev.zanith.api.ops.ValidateDomainConstraint(LABEL.qualifiedName(),
                        LABEL_CHECK.name()), labelColumn(new dev.zanith.api.ops.AddDomainConstraint(
                        LABEL.qualifiedName(), LABEL_CHECK, true))),
                s("", new dev.zanith.api.ops.DropDomainConstraint(LABEL.qualifiedName(), LABEL_CHECK.name(), LABEL_CHECK),
                        new CreateDomain(LABEL.withConstraints(List.of(LABEL_CHECK)))),
                s("", new dev.zanith.api.ops.CreateCompositeType(ADDRESS)),
                s("", new dev.zanith.api.ops.DropCompositeType(ADDRESS.qualifiedName(), ADDRESS),
                        new dev.zanith.api.ops.CreateCompositeType(ADDRESS)),
                s("", new dev.zanith.api.ops.AddTypeAttribute(ADDRESS.qualifiedName(),
                        new TypeAttribute("country", "text", null)), new dev.zanith.api.ops.CreateCompositeType(ADDRESS)),
                s("no column uses the type", new dev.zanith.api.ops.DropTypeAttribute(ADDRESS.qualifiedName(), "zip",
                        null), new dev.zanith.api.ops.CreateCompositeType(ADDRESS)),
                s("", new dev.zanith.api.ops.CreateRangeType(FLOAT_RANGE)),
                s("", new dev.zanith.api.ops.DropRangeType(FLOAT_RANGE.qualifiedName(), FLOAT_RANGE),
                        new dev.zanith.api.ops.CreateRangeType(FLOAT_RANGE)),
                s("", new dev.zanith.api.ops.AddExclusionConstraint(t, "users_code_excl", CODE_EXCLUSION)),
                s("", new dev.zanith.api.ops.DropExclusionConstraint(t, "users_code_excl", CODE_EXCLUSION),
                        new dev.zanith.api.ops.AddExclusionConstraint(t, "users_code_excl", CODE_EXCLUSION)),
                s("", new dev.zanith.api.ops.CreateStatistics(AGE_BALANCE)),
                s("", new dev.zanith.api.ops.DropStatistics(AGE_BALANCE.qualifiedName(), AGE_BALANCE),
                        new dev.zanith.api.ops.CreateStatistics(AGE_BALANCE)),
                s("", new dev.zanith.api.ops.CreateView(USER_EMAILS)),
                s("appends a column", new dev.zanith.api.ops.ReplaceView(USER_EMAILS_WITH_NAME, USER_EMAILS),
                        new dev.zanith.api.ops.CreateView(USER_EMAILS)),
                s("", new dev.zanith.api.ops.DropView(USER_EMAILS.qualifiedName(), USER_EMAILS),
                        new dev.zanith.api.ops.CreateView(USER_EMAILS)),
                s("with data", new dev.zanith.api.ops.CreateMaterializedView(USER_STATUSES)),
                s("with no data", new dev.zanith.api.ops.CreateMaterializedView(USER_STATUSES.withPopulated(false))),
                s("", new dev.zanith.api.ops.DropMaterializedView(USER_STATUSES.qualifiedName(), USER_STATUSES),
                        new dev.zanith.api.ops.CreateMaterializedView(USER_STATUSES)),
                s("blocks readers", new dev.zanith.api.ops.RefreshMaterializedView(USER_STATUSES.qualifiedName(), false),
                        new dev.zanith.api.ops.CreateMaterializedView(USER_STATUSES)),
                s("concurrently", new dev.zanith.api.ops.RefreshMaterializedView(USER_STATUSES.qualifiedName(), true),
                        new dev.zanith.api.ops.CreateMaterializedView(USER_STATUSES)),
                s("", new CreatePartition(EVENTS, Partition.of("public", "events_2026_03",
                        "FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')"))),
                s("bound proven by a validated CHECK", new AttachPartition(EVENTS, FEBRUARY),
                        new AddCheckConstraint(EVENTS_FEBRUARY, new CheckConstraint(AttachPartition.BOUND_CHECK,
                                AttachPartition.boundCheck("RANGE (at)", FEBRUARY.bound()).orElseThrow(), false, false), true),
                        new ValidateConstraint(EVENTS_FEBRUARY, AttachPartition.BOUND_CHECK)),
                s("bound not proven: the table is scanned", new AttachPartition(EVENTS, FEBRUARY)),
                s("", new AddPartitionedIndex(EVENTS, Index.of("events_region_idx", List.of("region")), List.of(JANUARY))),
                s("concurrently", new DetachPartition(EVENTS, JANUARY, true)),
                s("in a transaction", new DetachPartition(EVENTS, JANUARY, false)),
                s("", new DropPartition(EVENTS, JANUARY)),
                s("on a table, to PUBLIC", new dev.zanith.api.ops.GrantPrivileges("table", "public", "users", null,
                        "PUBLIC", List.of("SELECT", "INSERT"), false)),
                s("on a column", new dev.zanith.api.ops.GrantPrivileges("column", "public", "users", "nickname",
                        "PUBLIC", List.of("UPDATE"), false)),
                s("on a sequence", new dev.zanith.api.ops.GrantPrivileges("sequence", "public", "invoice_numbers", null,
                        "PUBLIC", List.of("USAGE"), false)),
                s("on a schema", new dev.zanith.api.ops.GrantPrivileges("schema", "public", null, null,
                        "PUBLIC", List.of("CREATE"), false)),
                s("on a function", new dev.zanith.api.ops.GrantPrivileges("function", "public",
                        SHORT_CODE.signature(), null, "PUBLIC", List.of("EXECUTE"), false), new CreateFunction(SHORT_CODE),
                        new dev.zanith.api.ops.RevokePrivileges("function", "public", SHORT_CODE.signature(), null,
                                "PUBLIC", List.of("EXECUTE"), false, false)),
                s("EXECUTE on a function, from PUBLIC", new dev.zanith.api.ops.RevokePrivileges("function", "public",
                        SHORT_CODE.signature(), null, "PUBLIC", List.of("EXECUTE"), false, false),
                        new CreateFunction(SHORT_CODE)),
                s("access the application may use", new dev.zanith.api.ops.RevokePrivileges("table", "public", "users",
                        null, "PUBLIC", List.of("SELECT"), false, false), new dev.zanith.api.ops.GrantPrivileges("table",
                        "public", "users", null, "PUBLIC", List.of("SELECT"), false)),
                s("a privilege clients do not read or write with", new dev.zanith.api.ops.RevokePrivileges("table",
                        "public", "users", null, "PUBLIC", List.of("REFERENCES"), false, false),
                        new dev.zanith.api.ops.GrantPrivileges("table", "public", "users", null, "PUBLIC",
                                List.of("REFERENCES"), false)),
                s("for every schema", new dev.zanith.api.ops.AlterDefaultPrivileges(null, "tables", "PUBLIC",
                        List.of("SELECT"), false, false)),
                s("PUBLIC's built-in EXECUTE on new functions, taken away", new dev.zanith.api.ops.AlterDefaultPrivileges(
                        null, "functions", "PUBLIC", List.of("EXECUTE"), false, true)),
                s("stop granting, in one schema", new dev.zanith.api.ops.AlterDefaultPrivileges("public", "sequences",
                        "PUBLIC", List.of("USAGE"), false, true), new dev.zanith.api.ops.AlterDefaultPrivileges("public",
                        "sequences", "PUBLIC", List.of("USAGE"), false, false)),
                s("fillfactor, autovacuum and TOAST", new dev.zanith.api.ops.SetStorageParameters(t,
                        List.of("autovacuum_vacuum_scale_factor=0.05", "fillfactor=70", "toast.autovacuum_enabled=false"),
                        List.of(), List.of())),
                s("SET UNLOGGED", new dev.zanith.api.ops.SetPersistence(ORDERS, true)),
                s("SET LOGGED", new dev.zanith.api.ops.SetPersistence(ORDERS, false),
                        new dev.zanith.api.ops.SetPersistence(ORDERS, true)),
                s("on a constraint", SetComment.onConstraint(t, "users_handle_key", "one handle per user", null)),
                s("on an index", new SetComment("index", new TableName("public", "users_email_idx"), null,
                        "login lookups", null)),
                s("on a schema", SetComment.onSchema("public", "the application's tables", null)),
                s("on a view column", new SetComment("column", USER_EMAILS.qualifiedName(), "email", "login address",
                        null), new dev.zanith.api.ops.CreateView(USER_EMAILS)));
        List<Sample> ordered = new ArrayList<>(samples);
        ordered.addAll(routineSamples());
        ordered.sort(java.util.Comparator.comparing(sample -> sample.operation.kind()));
        return ordered;
    }

    /** A trigger function of the samples, before and after its body changes. */
    private static final Routine TOUCH = routine("touch_users", "", "trigger", "plpgsql",
            "BEGIN NEW.name := coalesce(NEW.name, NEW.email); RETURN NEW; END");
    private static final Routine TOUCH_CHANGED = routine("touch_users", "", "trigger", "plpgsql",
            "BEGIN NEW.name := coalesce(NEW.name, NEW.nickname, NEW.email); RETURN NEW; END");
    private static final Routine SHORT_CODE = routine("short_code", "c text", "boolean", "sql",
            "SELECT length(c) < 10");
    private static final Trigger USERS_TOUCH = new Trigger("public", "users", "users_touch",
            "CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION "
                    + "public.touch_users()", "public.touch_users()", Trigger.ORIGIN);

    private static final Routine NOTE_DDL_FUNCTION = routine("note_ddl", "", "event_trigger", "plpgsql",
            "BEGIN RAISE NOTICE 'ddl: %', tg_tag; END");
    private static final EventTrigger NOTE_DDL = new EventTrigger("note_ddl", "ddl_command_end",
            List.of("CREATE TABLE"), "public.note_ddl()", Trigger.ORIGIN);

    private static Routine routine(String name, String arguments, String result, String language, String body) {
        String types = arguments.isEmpty() ? "" : arguments.substring(arguments.indexOf(' ') + 1);
        return new Routine("public", name, "public." + name + "(" + types + ")", Routine.FUNCTION, arguments, result,
                language, "CREATE OR REPLACE FUNCTION public." + name + "(" + arguments + ")\n RETURNS " + result
                + "\n LANGUAGE " + language + (language.equals("sql") ? "\n IMMUTABLE" : "") + "\nAS $function$"
                + body + "$function$\n");
    }

    private static List<Sample> routineSamples() {
        TableName t = TABLE;
        Operation touch = new CreateFunction(TOUCH);
        Operation trigger = new CreateTrigger(USERS_TOUCH);
        Trigger onInsertOnly = new Trigger("public", "users", "users_touch",
                "CREATE TRIGGER users_touch BEFORE INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION "
                        + "public.touch_users()", "public.touch_users()", Trigger.ORIGIN);
        return List.of(
                s("", new CreateFunction(SHORT_CODE)),
                s("", new ReplaceFunction(TOUCH_CHANGED, TOUCH), touch),
                s("a CHECK uses it", new ReplaceFunction(SHORT_CODE, SHORT_CODE), new CreateFunction(SHORT_CODE),
                        new AddCheckConstraint(t, new CheckConstraint("users_code_short", "public.short_code(code)", true,
                                false), false)),
                s("", new DropFunction(TOUCH.signature(), TOUCH), touch),
                s("", trigger, touch),
                s("", new ReplaceTrigger(onInsertOnly, USERS_TOUCH), touch, trigger),
                s("", new DropTrigger(t, "users_touch", USERS_TOUCH), touch, trigger),
                s("", new EnableTrigger(t, "users_touch", Trigger.ALWAYS, Trigger.DISABLED), touch,
                        new CreateTrigger(USERS_TOUCH.withEnabled(Trigger.DISABLED))),
                s("", new DisableTrigger(t, "users_touch", Trigger.ORIGIN), touch, trigger),
                s("on a function", new SetComment("function", new TableName("public", "touch_users"), null,
                        "fills in a missing name", null), touch),
                s("on a procedure", new SetComment("procedure", new TableName("public", "tidy"), null, "nightly",
                        null, null, null, null, "integer"),
                        new RawSql("CREATE PROCEDURE public.tidy(days integer) LANGUAGE sql AS $$SELECT days$$", true)),
                s("on a trigger", new SetComment("trigger", t, null, "keeps names filled", null, null, null,
                        "users_touch", null), touch, trigger),
                s("on a policy", new SetComment("policy", t, null, "own rows only", null, null, null, "own_rows", null),
                        new CreatePolicy(t, new Policy("own_rows", "ALL", true, List.of("PUBLIC"), "(id > 0)", null))),
                s("on a domain", new SetComment("domain", new TableName("public", "zip_code"), null, "five digits",
                        null), new RawSql("CREATE DOMAIN public.zip_code AS text", true)),
                s("on a composite type", new SetComment("compositeType", new TableName("public", "price"), null,
                        "amount and currency", null),
                        new RawSql("CREATE TYPE public.price AS (amount numeric, currency text)", true)),
                s("on a range type", new SetComment("rangeType", new TableName("public", "score_range"), null,
                        "scores", null), new RawSql("CREATE TYPE public.score_range AS RANGE (subtype = float8)", true)),
                s("on a statistics object", new SetComment("statistics", new TableName("public", "users_name_stats"),
                        null, "names and addresses go together", null),
                        new RawSql("CREATE STATISTICS public.users_name_stats ON name, email FROM public.users", true)),
                s("on an event trigger", new SetComment("eventTrigger", null, null, "notes every DDL command", null,
                        null, null, NOTE_DDL.name(), null), new CreateFunction(NOTE_DDL_FUNCTION),
                        new CreateEventTrigger(NOTE_DDL)),
                s("on a domain constraint", new SetComment("domainConstraint", new TableName("public", "postal_code"),
                        null, "five digits", null, "postal_code_digits", null, null, null),
                        new RawSql("CREATE DOMAIN public.postal_code AS text CONSTRAINT postal_code_digits "
                                + "CHECK (VALUE ~ '^[0-9]{5}$')", true)),
                s("", new CreateEventTrigger(NOTE_DDL), new CreateFunction(NOTE_DDL_FUNCTION)),
                s("", new DropEventTrigger(NOTE_DDL.name(), NOTE_DDL), new CreateFunction(NOTE_DDL_FUNCTION),
                        new CreateEventTrigger(NOTE_DDL)));
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    /**
     * The context rules that move a verdict, one markdown bullet each (without the leading dash): what
     * {@code zanith risk} prints under the table and docs/RISK.md lists under "Context".
     */
    public static List<String> contextRules() {
        return List.of(
                "**Table size** (`pg_class.reltuples`, `pg_total_relation_size`, and a real emptiness check): "
                        + "empty (created earlier in the plan, or no rows) · small (under "
                        + String.format(Locale.ROOT, "%,d", SizeTier.SMALL_ROWS) + " rows and 100 MB) · large · huge ("
                        + String.format(Locale.ROOT, "%,d", SizeTier.HUGE_ROWS)
                        + "+ rows or 10 GB+). Operations that scan, build or rewrite under a lock score by size; the "
                        + "table below shows the base score on a small populated table and the scores for empty · "
                        + "small · large · huge.",
                "**Server version**: fast defaults from PostgreSQL 11; a validated `CHECK (c IS NOT NULL)` "
                        + "lets SET NOT NULL skip its scan from 12; ADD VALUE runs in a transaction from 12; "
                        + "timestamp ↔ timestamptz needs no rewrite from 12 when the session time zone is UTC; "
                        + "CREATE INDEX CONCURRENTLY is flagged on 14.0–14.3 (index corruption bug); virtual generated "
                        + "columns (18) need no rewrite; preflight checks text conversions with `pg_input_is_valid` from 16.",
                "**Default volatility** is looked up in `pg_proc.provolatile` on the live server: a volatile "
                        + "default (`gen_random_uuid()`, `clock_timestamp()`) rewrites the table, a stable one "
                        + "(`now()`) does not.",
                "**What else is on the table** (from the live catalog): a type or collation change that "
                        + "rewrites no row still rebuilds every index on the column whose collation or operator class "
                        + "changes (collation changes; timestamp ↔ timestamptz) — an exclusion constraint's index "
                        + "included (`pg_constraint`) — and "
                        + "re-checks every CHECK constraint "
                        + "that mentions the column, under ACCESS EXCLUSIVE and scored by size; a type change "
                        + "re-creates the foreign keys on the column — its own and other tables' that reference it — "
                        + "locking the other table ACCESS EXCLUSIVE (through its re-validation scan when values are "
                        + "converted; a binary-coercible change re-validates nothing); a type change to a domain converts like one to the "
                        + "domain's base type (`pg_type.typbasetype`), so a domain without constraints over the column's "
                        + "own type rewrites nothing; a domain with constraints (`pg_constraint`) makes adding a column "
                        + "of it, or converting to it, rewrite the table, checking every row. A type change on a column "
                        + "that a generated column computes from, or that a view, materialized view or rule selects "
                        + "(`pg_depend` on `pg_rewrite`), is refused by the server (SQLSTATE 0A000) after it takes ACCESS "
                        + "EXCLUSIVE: the lock is `refused`, the step fails and changes nothing (high). A generated "
                        + "migration drops such a view before the type change and re-creates it after (`dropView`, "
                        + "then `createView`): a view dropped earlier in the plan no longer refuses the change.",
                "**Domains and composite types** (from the schema graph): adding a CHECK to a domain, validating "
                        + "one or setting NOT NULL checks every value stored in the columns of the domain, locking "
                        + "each table with such a column SHARE through the scan (writes wait, reads go on; observed on "
                        + "15 and 18, VALIDATE included: unlike a table's, a domain's VALIDATE is no weaker than its "
                        + "ADD); added `NOT VALID` it locks no table and checks new values at once, and a failed "
                        + "VALIDATE leaves it in place to retry. Dropping an "
                        + "attribute of a composite type that a column holding data uses loses the attribute's values "
                        + "(destructive).",
                "**Data**: drops are `*_with_data` (destructive) only when the column or table holds data; "
                        + "online-safe renderings (CONCURRENTLY, NOT VALID + VALIDATE, USING INDEX) score lower than "
                        + "their blocking forms.");
    }

    /** docs/RISK.md, exactly. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Risk model\n\n")
                .append("<!-- Generated by dev.zanith.internal.risk.RiskTable (the classifier the planner runs). Do not edit: "
                        + "regenerate with `zanith risk --format markdown > docs/RISK.md` or the command in "
                        + "RiskDocTest. -->\n\n")
                .append("Every operation Zanith can run gets a **level**, a **score** (0–100) inside that level's band, "
                        + "one or more **reason codes**, and the facts behind them: the lock it takes on each table "
                        + "(a foreign key's referenced table included), whether it rewrites or scans the table, whether "
                        + "it runs inside a transaction, whether it breaks clients reading the old shape and whether it "
                        + "can lose data. `zanith plan` classifies each pending step in its real context; this page is "
                        + "the same classifier on a sample table.\n\n")
                .append("## Levels\n\n| level | score band | meaning |\n|---|---|---|\n");
        for (RiskLevel level : RiskLevel.values()) {
            out.append("| ").append(level.id()).append(" | ").append(level.band()).append(" | ").append(level.meaning())
                    .append(" |\n");
        }
        out.append("\n`--max-risk N` refuses any step scoring above N (default: off). Hand-written SQL scores ")
                .append(RiskModel.RAW_SQL_SCORE).append(" (unknown) until reviewed: a budget below that refuses it.\n\n")
                .append("## Context\n\n")
                .append("The same operation scores differently depending on where it runs; every moved score says why "
                        + "in the plan's notes.\n\n")
                .append(contextRules().stream().map(rule -> "- " + rule + "\n").collect(Collectors.joining()))
                .append("\n")
                .append("## Observed, not assumed\n\n")
                .append("Every one of the ").append(rows().size()).append(" rows below is a row of the observation "
                        + "matrix (`RiskObservationTest`, one reported test per row, named after it), and so are ")
                .append(OBSERVED_CONTEXT_RULES.size()).append(" context rules the sample table does not show (")
                .append(OBSERVED_CONTEXT_RULES.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", ")))
                .append("): ").append(rows().size() + OBSERVED_CONTEXT_RULES.size())
                .append(" rows, each run on a real server — PostgreSQL 18 in the test command, 15 in CI — against "
                        + "tables of 3,000 rows and classified for that server's version. A test compares this page's "
                        + "rows with the matrix's, so a new operation kind or variant without its observation fails the "
                        + "build. A second session reads the lock mode held or awaited on each table (`pg_locks`); "
                        + "`relfilenode` shows whether the table and each of its indexes were rewritten; "
                        + "`pg_stat_xact_user_tables` (or `pg_stat_user_tables` after `pg_stat_force_next_flush()` for "
                        + "steps outside a transaction) shows whether rows were read. **Observed-verified facts**: the "
                        + "lock mode on every table (the target, a foreign key's other table), the lock column's hold "
                        + "(brief · scan · build · rewrite), the rewrite column, the `rebuilds_index` code, the scan "
                        + "fact, and for the rows the server refuses or fails on populated tables (a view or generated "
                        + "column over the column; a required column without a default) the failure itself. Not "
                        + "observed: scores, levels and the by-size columns (judgements on top of those facts), "
                        + "`breaksClients` and `dataLoss`. `createExtension` and `dropExtension` are observed with "
                        + "`pg_trgm` (skipped, by assumption, where the server lacks it). `rawSql` claims nothing before "
                        + "it is rehearsed: its row checks that no lock the sample was seen taking scores above the "
                        + "published `unknown` by the rule verify's derivation uses. Any disagreement fails the build "
                        + "and becomes a row.\n\n")
                .append("## Raw SQL: derived from what was observed\n\n")
                .append("Hand-written SQL scores ").append(RiskModel.RAW_SQL_SCORE)
                .append(" until `zanith verify` (or `zanith plan --observe`) rehearses it on a shadow. There a "
                        + "transactional file runs as apply runs it — statement by statement in one transaction — and "
                        + "each statement is observed: the locks held so far (locks are kept until the file commits), "
                        + "which tables and indexes were rewritten (`relfilenode`), whether rows were read "
                        + "(`pg_stat_xact_user_tables`; statements outside a transaction: `pg_stat_user_tables` after "
                        + "`pg_stat_force_next_flush()`, PostgreSQL 15+), and the schema change. The derived level is the "
                        + "worst of (a) the schema change scored as the typed operations it amounts to — renames as "
                        + "renames, an index built outside a transaction under SHARE UPDATE EXCLUSIVE as a concurrent "
                        + "build, a constraint that adopted an existing index as `USING INDEX`, default volatility from "
                        + "`pg_proc`, sizes from the live tables — and (b) every lock it held, scored by mode × table size "
                        + "× what the statement did under it, in the bands of the table below: so `REINDEX` is not safe, "
                        + "and `ADD CONSTRAINT … NOT VALID` followed by `VALIDATE` in the same file holds ACCESS "
                        + "EXCLUSIVE through the scan. The shadow has what the schema graph does not model yet from the live "
                        + "catalog's own definitions — the triggers on views and materialized views "
                        + "(`pg_get_triggerdef`, enabled state included) and each table's clustered index; domains, "
                        + "functions, views and materialized views with their indexes come from the schema graph, which "
                        + "models them — so "
                        + "statements touching them are rehearsed against them. What it still lacks — partitioned tables "
                        + "and partitions (the schema graph's later issue), rules, event triggers, aggregates, and any "
                        + "definition that failed to recreate — is named in the verdict's warnings; a statement that "
                        + "names it is not rehearsed and keeps the level at least unknown. The inferred operations get their typed twins' read-only "
                        + "checks against the live data; a step that leaves a transaction open fails.\n\n")
                .append("## Operations\n\nBase: an existing `public.users` of ~20,000 rows on PostgreSQL 14+. "
                        + "`by size` is the score on an empty · small · large (2M rows) · huge (50M rows) table; "
                        + "— means size does not matter.\n");
        OperationKind.Family family = null;
        for (RiskTableRow row : rows()) {
            if (row.kind().family() != family) {
                family = row.kind().family();
                out.append("\n### ").append(family.title()).append("\n\n_").append(family.tagline()).append("_\n\n")
                        .append("| operation | variant | level | score | by size | reasons | lock | rewrite |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
            }
            out.append("| `").append(row.kind().id()).append("` | ").append(row.variant()).append(" | ")
                    .append(row.base().level().id()).append(" | ").append(row.base().score()).append(" | ")
                    .append(row.sizeScores()).append(" | ")
                    .append(row.base().reasons().stream().map(r -> "`" + r.code() + "`").collect(Collectors.joining(" ")))
                    .append(" | ").append(row.locks()).append(" | ").append(row.rewrite()).append(" |\n");
        }
        out.append("\n## Reason codes\n\nThe first 21 are the published codes; the rest name what they do not cover.\n\n")
                .append("| code | family | what goes wrong | published |\n|---|---|---|---|\n");
        for (ReasonCode code : ReasonCode.values()) {
            out.append("| `").append(code.code()).append("` | ").append(code.family().title()).append(" | ")
                    .append(code.tag()).append(" | ").append(code.published() ? "yes" : "").append(" |\n");
        }
        return out.toString();
    }

    /** The table as JSON (what {@code zanith risk --format json} prints). */
    public static String json() {
        tools.jackson.databind.ObjectMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", 1);
        tools.jackson.databind.node.ArrayNode levels = root.putArray("levels");
        for (RiskLevel level : RiskLevel.values()) {
            levels.addObject().put("level", level.id()).put("min", level.min()).put("max", level.max())
                    .put("meaning", level.meaning());
        }
        tools.jackson.databind.node.ArrayNode operations = root.putArray("operations");
        for (RiskTableRow row : rows()) {
            tools.jackson.databind.node.ObjectNode o = operations.addObject();
            Assessment a = row.base();
            o.put("operationKind", row.kind().id());
            o.put("family", row.kind().family().name().toLowerCase(Locale.ROOT));
            o.put("variant", row.variant());
            o.put("level", a.level().id());
            o.put("score", a.score());
            tools.jackson.databind.node.ObjectNode bySize = o.putObject("bySize");
            row.bySize().forEach((tier, score) -> bySize.put(tier.id(), score));
            a.reasonCodes().forEach(o.putArray("reasons")::add);
            tools.jackson.databind.node.ArrayNode locks = o.putArray("locks");
            a.facts().locks().forEach(l -> locks.addObject().put("table", l.table().toString()).put("mode", l.mode().sql())
                    .put("held", l.held()));
            o.put("rewrite", a.facts().rewrite());
            o.put("scan", a.facts().scan());
            o.put("transactional", a.facts().transactional());
            o.put("breaksClients", a.facts().breaksClients());
            o.put("dataLoss", a.facts().dataLoss());
        }
        tools.jackson.databind.node.ArrayNode codes = root.putArray("reasonCodes");
        for (ReasonCode code : ReasonCode.values()) {
            codes.addObject().put("code", code.code()).put("family", code.family().name().toLowerCase(Locale.ROOT))
                    .put("tag", code.tag()).put("published", code.published());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
