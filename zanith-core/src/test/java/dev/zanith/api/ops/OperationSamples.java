package dev.zanith.api.ops;

import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.Trigger;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;
import dev.zanith.api.schema.View;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One realistic instance of every operation kind, for catalog-wide tests. */
public final class OperationSamples {

    public static final TableName USERS = new TableName("public", "users");
    public static final TableName ORDERS = new TableName("public", "orders");
    private static final Column EMAIL = Column.of("email", "text", true);
    private static final Index INDEX = new Index("users_email_idx", false, "btree", List.of("lower(email)"), List.of(),
            false, "(deleted_at IS NULL)", List.of(), true);
    private static final ForeignKey FK = ForeignKey.of("orders_user_fkey", List.of("user_id"), USERS, List.of("id"));
    private static final SequenceOptions BIGINT = new SequenceOptions("bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
    private static final Table TABLE = new Table("public", "users", false,
            List.of(new Column("id", "bigint", true, null, new Identity(Identity.Generation.ALWAYS, BIGINT), null, null, null), EMAIL),
            PrimaryKey.of("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), false, false, List.of(), null);

    private static final View.ViewDependency READS_USERS = new View.ViewDependency(USERS, List.of("email", "id"));
    private static final View ACTIVE_USERS = new View("public", "active_users", false,
            "SELECT users.id,\n    users.email\n   FROM public.users\n  WHERE (users.email IS NOT NULL)",
            List.of(new View.ViewColumn("id", "bigint"), new View.ViewColumn("email", "text")),
            List.of("security_barrier=true"), false, List.of(), List.of(READS_USERS), "users who can sign in");
    private static final View ACTIVE_USERS_WITH_NAME = new View("public", "active_users", false,
            "SELECT users.id,\n    users.email,\n    users.name\n   FROM public.users\n  WHERE (users.email IS NOT NULL)",
            List.of(new View.ViewColumn("id", "bigint"), new View.ViewColumn("email", "text"),
                    new View.ViewColumn("name", "text")),
            List.of("security_barrier=true"), false, List.of(),
            List.of(new View.ViewDependency(USERS, List.of("email", "id", "name"))), "users who can sign in");
    private static final View DOMAINS = new View("public", "email_domains", true,
            "SELECT split_part(users.email, '@'::text, 2) AS domain,\n    count(*) AS users\n   FROM public.users\n"
                    + "  GROUP BY (split_part(users.email, '@'::text, 2))",
            List.of(new View.ViewColumn("domain", "text"), new View.ViewColumn("users", "bigint")), List.of(), false,
            List.of(new Index("email_domains_domain", true, "btree", List.of("domain"), List.of(), false, null, List.of(),
                    true)), List.of(new View.ViewDependency(USERS, List.of("email"))), null);
    private static final Routine TOUCH = new Routine("public", "touch", "public.touch()", Routine.FUNCTION, "", "trigger",
            "plpgsql", "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\n"
            + "AS $function$ BEGIN NEW.email := lower(NEW.email); RETURN NEW; END $function$\n");
    private static final Routine TOUCH_BEFORE = new Routine("public", "touch", "public.touch()", Routine.FUNCTION, "",
            "trigger", "plpgsql", "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\n"
            + "AS $function$ BEGIN RETURN NEW; END $function$\n");
    private static final Trigger TRIGGER = new Trigger("public", "users", "users_touch", "CREATE TRIGGER users_touch "
            + "BEFORE INSERT OR UPDATE OF email ON public.users FOR EACH ROW WHEN ((new.email IS NOT NULL)) "
            + "EXECUTE FUNCTION public.touch()", "public.touch()", Trigger.ORIGIN);

    private static final EventTrigger EVENT_TRIGGER = new EventTrigger("audit_ddl", "ddl_command_end",
            List.of("CREATE TABLE", "ALTER TABLE"), "public.audit_ddl()", Trigger.DISABLED);

    private OperationSamples() {
    }

    public static Map<OperationKind, Operation> all() {
        Map<OperationKind, Operation> m = new EnumMap<>(OperationKind.class);
        m.put(OperationKind.CREATE_SCHEMA, new CreateSchema("billing"));
        m.put(OperationKind.CREATE_EXTENSION, new CreateExtension("citext", "public"));
        m.put(OperationKind.CREATE_ENUM, new CreateEnum(new EnumType("public", "plan", List.of("free", "pro"), null)));
        m.put(OperationKind.ADD_ENUM_VALUE, new AddEnumValue(new TableName("public", "plan"), "team", null, "pro"));
        m.put(OperationKind.CREATE_SEQUENCE, new CreateSequence(new Sequence("public", "numbers", BIGINT, null, null)));
        m.put(OperationKind.CREATE_TABLE, new CreateTable(TABLE));
        m.put(OperationKind.ADD_COLUMN, new AddColumn(USERS, Column.of("last_login", "timestamp with time zone", false)));
        m.put(OperationKind.ADD_INDEX, new AddIndex(USERS, INDEX, true));
        m.put(OperationKind.ADD_PRIMARY_KEY, new AddPrimaryKey(USERS, PrimaryKey.of("users_pkey", List.of("id")), "users_pkey"));
        m.put(OperationKind.ADD_UNIQUE_CONSTRAINT, new AddUniqueConstraint(USERS, UniqueConstraint.of("users_email_key",
                List.of("email")), "users_email_key"));
        m.put(OperationKind.ADD_FOREIGN_KEY, new AddForeignKey(ORDERS, FK, true));
        m.put(OperationKind.ADD_CHECK_CONSTRAINT, new AddCheckConstraint(USERS, new CheckConstraint("email_shape",
                "(position('@' in email) > 1)", true, false), true));
        m.put(OperationKind.DROP_TABLE, new DropTable(USERS, TABLE));
        m.put(OperationKind.DROP_COLUMN, new DropColumn(USERS, "email", EMAIL));
        m.put(OperationKind.DROP_INDEX, new DropIndex(USERS, "users_email_idx", INDEX, true));
        m.put(OperationKind.DROP_PRIMARY_KEY, new DropPrimaryKey(USERS, "users_pkey", PrimaryKey.of("users_pkey", List.of("id"))));
        m.put(OperationKind.DROP_UNIQUE_CONSTRAINT, new DropUniqueConstraint(USERS, "users_email_key",
                UniqueConstraint.of("users_email_key", List.of("email"))));
        m.put(OperationKind.DROP_FOREIGN_KEY, new DropForeignKey(ORDERS, "orders_user_fkey", FK));
        m.put(OperationKind.DROP_CHECK_CONSTRAINT, new DropCheckConstraint(USERS, "email_shape", null));
        m.put(OperationKind.DROP_EXTENSION, new DropExtension("hstore", "public"));
        m.put(OperationKind.DROP_ENUM, new DropEnum(new TableName("public", "plan"), null));
        m.put(OperationKind.DROP_SEQUENCE, new DropSequence(new TableName("public", "numbers"), null));
        m.put(OperationKind.DROP_SCHEMA, new DropSchema("legacy"));
        m.put(OperationKind.ALTER_COLUMN_TYPE, new AlterColumnType(USERS, "email", "character varying(320)", null, null, "text"));
        m.put(OperationKind.SET_NOT_NULL, new SetNotNull(USERS, "email"));
        m.put(OperationKind.DROP_NOT_NULL, new DropNotNull(USERS, "email"));
        m.put(OperationKind.SET_DEFAULT, new SetDefault(USERS, "email", "''::text", null));
        m.put(OperationKind.DROP_DEFAULT, new DropDefault(USERS, "email", "''::text"));
        m.put(OperationKind.SET_IDENTITY, new SetIdentity(USERS, "id", new Identity(Identity.Generation.BY_DEFAULT, BIGINT), null));
        m.put(OperationKind.DROP_IDENTITY, new DropIdentity(USERS, "id", null));
        m.put(OperationKind.ALTER_SEQUENCE, new AlterSequence(new TableName("public", "numbers"), BIGINT, "users", "id",
                null, null, null));
        m.put(OperationKind.SET_COMMENT, new SetComment("column", USERS, "email", "login address", null));
        m.put(OperationKind.RENAME_TABLE, new RenameTable(USERS, "accounts"));
        m.put(OperationKind.RENAME_COLUMN, new RenameColumn(USERS, "email", "email_address"));
        m.put(OperationKind.RENAME_INDEX, new RenameIndex(USERS, "users_email_idx", "users_email_lower_idx"));
        m.put(OperationKind.RENAME_CONSTRAINT, new RenameConstraint(USERS, "users_pkey", "accounts_pkey"));
        m.put(OperationKind.RENAME_SEQUENCE, new RenameSequence(new TableName("public", "numbers"), "invoice_numbers"));
        m.put(OperationKind.RENAME_ENUM, new RenameEnum(new TableName("public", "mood_zanith_new"), "mood"));
        m.put(OperationKind.ENABLE_RLS, new EnableRls(USERS, true));
        m.put(OperationKind.DISABLE_RLS, new DisableRls(USERS));
        m.put(OperationKind.CREATE_POLICY, new CreatePolicy(USERS, new Policy("own_rows", "SELECT", false,
                List.of("PUBLIC"), "(email = CURRENT_USER)", null)));
        m.put(OperationKind.DROP_POLICY, new DropPolicy(USERS, "own_rows", null));
        m.put(OperationKind.SOFT_DROP_COLUMN, new SoftDropColumn(USERS, "email", EMAIL));
        m.put(OperationKind.SOFT_DROP_TABLE, new SoftDropTable(USERS, TABLE));
        m.put(OperationKind.ARCHIVE_COLUMN, new ArchiveColumn(USERS, "email", EMAIL, List.of("id")));
        m.put(OperationKind.ARCHIVE_TABLE, new ArchiveTable(USERS, TABLE));
        m.put(OperationKind.BACKFILL, new Backfill(USERS, Map.of("email", "lower(email)"), "email <> lower(email)", 500));
        m.put(OperationKind.REBUILD_TABLE, new RebuildTable(USERS, null));
        m.put(OperationKind.VALIDATE_CONSTRAINT, new ValidateConstraint(USERS, "email_shape"));
        m.put(OperationKind.RAW_SQL, new RawSql("UPDATE users SET email = lower(email);", null));
        TypeSamples.addTo(m);
        m.put(OperationKind.CREATE_VIEW, new CreateView(ACTIVE_USERS));
        m.put(OperationKind.REPLACE_VIEW, new ReplaceView(ACTIVE_USERS_WITH_NAME, ACTIVE_USERS));
        m.put(OperationKind.DROP_VIEW, new DropView(ACTIVE_USERS.qualifiedName(), ACTIVE_USERS));
        m.put(OperationKind.CREATE_MATERIALIZED_VIEW, new CreateMaterializedView(DOMAINS));
        m.put(OperationKind.DROP_MATERIALIZED_VIEW, new DropMaterializedView(DOMAINS.qualifiedName(), DOMAINS));
        m.put(OperationKind.REFRESH_MATERIALIZED_VIEW, new RefreshMaterializedView(DOMAINS.qualifiedName(), true));
        m.put(OperationKind.CREATE_FUNCTION, new CreateFunction(TOUCH));
        m.put(OperationKind.REPLACE_FUNCTION, new ReplaceFunction(TOUCH, TOUCH_BEFORE));
        m.put(OperationKind.DROP_FUNCTION, new DropFunction(TOUCH.signature(), TOUCH));
        m.put(OperationKind.CREATE_TRIGGER, new CreateTrigger(TRIGGER));
        m.put(OperationKind.REPLACE_TRIGGER, new ReplaceTrigger(TRIGGER, TRIGGER.withEnabled(Trigger.DISABLED)));
        m.put(OperationKind.DROP_TRIGGER, new DropTrigger(USERS, TRIGGER.name(), TRIGGER));
        m.put(OperationKind.ENABLE_TRIGGER, new EnableTrigger(USERS, TRIGGER.name(), Trigger.REPLICA, Trigger.DISABLED));
        m.put(OperationKind.CREATE_EVENT_TRIGGER, new CreateEventTrigger(EVENT_TRIGGER));
        m.put(OperationKind.DROP_EVENT_TRIGGER, new DropEventTrigger(EVENT_TRIGGER.name(), EVENT_TRIGGER));
        m.put(OperationKind.DISABLE_TRIGGER, new DisableTrigger(USERS, TRIGGER.name(), Trigger.ORIGIN));
        TableName events = new TableName("public", "events");
        dev.zanith.api.schema.Partition march = dev.zanith.api.schema.Partition.of("public", "events_2026_03",
                "FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')");
        m.put(OperationKind.CREATE_PARTITION, new CreatePartition(events, march));
        m.put(OperationKind.ATTACH_PARTITION, new AttachPartition(events, march));
        m.put(OperationKind.ADD_PARTITIONED_INDEX, new AddPartitionedIndex(events,
                Index.of("events_region_idx", List.of("region")), List.of(march)));
        m.put(OperationKind.DETACH_PARTITION, new DetachPartition(events, march, true));
        m.put(OperationKind.DROP_PARTITION, new DropPartition(events, march));
        m.put(OperationKind.GRANT_PRIVILEGES, new GrantPrivileges("table", "public", "users", null, "app_reader",
                List.of("SELECT"), false));
        m.put(OperationKind.REVOKE_PRIVILEGES, new RevokePrivileges("column", "public", "users", "email", "app_writer",
                List.of("UPDATE"), false, false));
        m.put(OperationKind.SET_STORAGE_PARAMETERS, new SetStorageParameters(USERS, List.of("fillfactor=70"),
                List.of("autovacuum_enabled"), List.of("autovacuum_enabled=false")));
        m.put(OperationKind.SET_PERSISTENCE, new SetPersistence(USERS, false));
        m.put(OperationKind.ALTER_DEFAULT_PRIVILEGES, new AlterDefaultPrivileges("public", "tables", "app_reader",
                List.of("SELECT"), false, false));
        return m;
    }
}
