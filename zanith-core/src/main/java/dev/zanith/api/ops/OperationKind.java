package dev.zanith.api.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every operation kind Zanith knows, with its camelCase id, its family and its type. */
public enum OperationKind {
    CREATE_SCHEMA("createSchema", Family.ADDITIONS, CreateSchema.class),
    CREATE_EXTENSION("createExtension", Family.ADDITIONS, CreateExtension.class),
    CREATE_ENUM("createEnum", Family.ADDITIONS, CreateEnum.class),
    ADD_ENUM_VALUE("addEnumValue", Family.ADDITIONS, AddEnumValue.class),
    CREATE_SEQUENCE("createSequence", Family.ADDITIONS, CreateSequence.class),
    CREATE_TABLE("createTable", Family.ADDITIONS, CreateTable.class),
    ADD_COLUMN("addColumn", Family.ADDITIONS, AddColumn.class),
    ADD_INDEX("addIndex", Family.ADDITIONS, AddIndex.class),
    ADD_PRIMARY_KEY("addPrimaryKey", Family.ADDITIONS, AddPrimaryKey.class),
    ADD_UNIQUE_CONSTRAINT("addUniqueConstraint", Family.ADDITIONS, AddUniqueConstraint.class),
    ADD_FOREIGN_KEY("addForeignKey", Family.ADDITIONS, AddForeignKey.class),
    ADD_CHECK_CONSTRAINT("addCheckConstraint", Family.ADDITIONS, AddCheckConstraint.class),
    CREATE_DOMAIN("createDomain", Family.ADDITIONS, CreateDomain.class),
    ADD_DOMAIN_CONSTRAINT("addDomainConstraint", Family.ADDITIONS, AddDomainConstraint.class),
    CREATE_COMPOSITE_TYPE("createCompositeType", Family.ADDITIONS, CreateCompositeType.class),
    CREATE_RANGE_TYPE("createRangeType", Family.ADDITIONS, CreateRangeType.class),
    ADD_EXCLUSION_CONSTRAINT("addExclusionConstraint", Family.ADDITIONS, AddExclusionConstraint.class),
    CREATE_STATISTICS("createStatistics", Family.ADDITIONS, CreateStatistics.class),
    CREATE_VIEW("createView", Family.ADDITIONS, CreateView.class),
    CREATE_MATERIALIZED_VIEW("createMaterializedView", Family.ADDITIONS, CreateMaterializedView.class),
    CREATE_FUNCTION("createFunction", Family.ADDITIONS, CreateFunction.class),
    CREATE_TRIGGER("createTrigger", Family.ADDITIONS, CreateTrigger.class),
    CREATE_EVENT_TRIGGER("createEventTrigger", Family.ADDITIONS, CreateEventTrigger.class),
    CREATE_PARTITION("createPartition", Family.ADDITIONS, CreatePartition.class),
    ATTACH_PARTITION("attachPartition", Family.ADDITIONS, AttachPartition.class),
    ADD_PARTITIONED_INDEX("addPartitionedIndex", Family.ADDITIONS, AddPartitionedIndex.class),
    GRANT_PRIVILEGES("grantPrivileges", Family.ADDITIONS, GrantPrivileges.class),
    ALTER_DEFAULT_PRIVILEGES("alterDefaultPrivileges", Family.ADDITIONS, AlterDefaultPrivileges.class),

    DROP_TABLE("dropTable", Family.REMOVALS, DropTable.class),
    DROP_COLUMN("dropColumn", Family.REMOVALS, DropColumn.class),
    DROP_INDEX("dropIndex", Family.REMOVALS, DropIndex.class),
    DROP_PRIMARY_KEY("dropPrimaryKey", Family.REMOVALS, DropPrimaryKey.class),
    DROP_UNIQUE_CONSTRAINT("dropUniqueConstraint", Family.REMOVALS, DropUniqueConstraint.class),
    DROP_FOREIGN_KEY("dropForeignKey", Family.REMOVALS, DropForeignKey.class),
    DROP_CHECK_CONSTRAINT("dropCheckConstraint", Family.REMOVALS, DropCheckConstraint.class),
    DROP_EXTENSION("dropExtension", Family.REMOVALS, DropExtension.class),
    DROP_ENUM("dropEnum", Family.REMOVALS, DropEnum.class),
    DROP_SEQUENCE("dropSequence", Family.REMOVALS, DropSequence.class),
    DROP_SCHEMA("dropSchema", Family.REMOVALS, DropSchema.class),
    DROP_DOMAIN("dropDomain", Family.REMOVALS, DropDomain.class),
    DROP_DOMAIN_CONSTRAINT("dropDomainConstraint", Family.REMOVALS, DropDomainConstraint.class),
    DROP_COMPOSITE_TYPE("dropCompositeType", Family.REMOVALS, DropCompositeType.class),
    DROP_TYPE_ATTRIBUTE("dropTypeAttribute", Family.REMOVALS, DropTypeAttribute.class),
    DROP_RANGE_TYPE("dropRangeType", Family.REMOVALS, DropRangeType.class),
    DROP_EXCLUSION_CONSTRAINT("dropExclusionConstraint", Family.REMOVALS, DropExclusionConstraint.class),
    DROP_STATISTICS("dropStatistics", Family.REMOVALS, DropStatistics.class),
    DROP_VIEW("dropView", Family.REMOVALS, DropView.class),
    DROP_MATERIALIZED_VIEW("dropMaterializedView", Family.REMOVALS, DropMaterializedView.class),
    DROP_FUNCTION("dropFunction", Family.REMOVALS, DropFunction.class),
    DROP_TRIGGER("dropTrigger", Family.REMOVALS, DropTrigger.class),
    DROP_EVENT_TRIGGER("dropEventTrigger", Family.REMOVALS, DropEventTrigger.class),
    DETACH_PARTITION("detachPartition", Family.REMOVALS, DetachPartition.class),
    DROP_PARTITION("dropPartition", Family.REMOVALS, DropPartition.class),
    REVOKE_PRIVILEGES("revokePrivileges", Family.REMOVALS, RevokePrivileges.class),

    ALTER_COLUMN_TYPE("alterColumnType", Family.TYPE_AND_NULLABILITY, AlterColumnType.class),
    SET_NOT_NULL("setNotNull", Family.TYPE_AND_NULLABILITY, SetNotNull.class),
    DROP_NOT_NULL("dropNotNull", Family.TYPE_AND_NULLABILITY, DropNotNull.class),
    SET_DEFAULT("setDefault", Family.TYPE_AND_NULLABILITY, SetDefault.class),
    DROP_DEFAULT("dropDefault", Family.TYPE_AND_NULLABILITY, DropDefault.class),
    SET_IDENTITY("setIdentity", Family.TYPE_AND_NULLABILITY, SetIdentity.class),
    DROP_IDENTITY("dropIdentity", Family.TYPE_AND_NULLABILITY, DropIdentity.class),
    ALTER_SEQUENCE("alterSequence", Family.TYPE_AND_NULLABILITY, AlterSequence.class),
    SET_COMMENT("setComment", Family.TYPE_AND_NULLABILITY, SetComment.class),
    SET_DOMAIN_DEFAULT("setDomainDefault", Family.TYPE_AND_NULLABILITY, SetDomainDefault.class),
    SET_DOMAIN_NOT_NULL("setDomainNotNull", Family.TYPE_AND_NULLABILITY, SetDomainNotNull.class),
    ADD_TYPE_ATTRIBUTE("addTypeAttribute", Family.TYPE_AND_NULLABILITY, AddTypeAttribute.class),
    REPLACE_VIEW("replaceView", Family.TYPE_AND_NULLABILITY, ReplaceView.class),
    REPLACE_FUNCTION("replaceFunction", Family.TYPE_AND_NULLABILITY, ReplaceFunction.class),
    REPLACE_TRIGGER("replaceTrigger", Family.TYPE_AND_NULLABILITY, ReplaceTrigger.class),
    ENABLE_TRIGGER("enableTrigger", Family.TYPE_AND_NULLABILITY, EnableTrigger.class),
    DISABLE_TRIGGER("disableTrigger", Family.TYPE_AND_NULLABILITY, DisableTrigger.class),
    SET_STORAGE_PARAMETERS("setStorageParameters", Family.TYPE_AND_NULLABILITY, SetStorageParameters.class),

    RENAME_TABLE("renameTable", Family.RENAMES, RenameTable.class),
    RENAME_COLUMN("renameColumn", Family.RENAMES, RenameColumn.class),
    RENAME_INDEX("renameIndex", Family.RENAMES, RenameIndex.class),
    RENAME_CONSTRAINT("renameConstraint", Family.RENAMES, RenameConstraint.class),
    RENAME_SEQUENCE("renameSequence", Family.RENAMES, RenameSequence.class),
    RENAME_ENUM("renameEnum", Family.RENAMES, RenameEnum.class),

    ENABLE_RLS("enableRls", Family.ROW_LEVEL_SECURITY, EnableRls.class),
    DISABLE_RLS("disableRls", Family.ROW_LEVEL_SECURITY, DisableRls.class),
    CREATE_POLICY("createPolicy", Family.ROW_LEVEL_SECURITY, CreatePolicy.class),
    DROP_POLICY("dropPolicy", Family.ROW_LEVEL_SECURITY, DropPolicy.class),

    SOFT_DROP_COLUMN("softDropColumn", Family.SAFE_ALTERNATIVES, SoftDropColumn.class),
    SOFT_DROP_TABLE("softDropTable", Family.SAFE_ALTERNATIVES, SoftDropTable.class),
    ARCHIVE_COLUMN("archiveColumn", Family.SAFE_ALTERNATIVES, ArchiveColumn.class),
    ARCHIVE_TABLE("archiveTable", Family.SAFE_ALTERNATIVES, ArchiveTable.class),

    BACKFILL("backfill", Family.LONG_RUNNING, Backfill.class),
    REBUILD_TABLE("rebuildTable", Family.LONG_RUNNING, RebuildTable.class),
    VALIDATE_CONSTRAINT("validateConstraint", Family.LONG_RUNNING, ValidateConstraint.class),
    VALIDATE_DOMAIN_CONSTRAINT("validateDomainConstraint", Family.LONG_RUNNING, ValidateDomainConstraint.class),
    REFRESH_MATERIALIZED_VIEW("refreshMaterializedView", Family.LONG_RUNNING, RefreshMaterializedView.class),
    SET_PERSISTENCE("setPersistence", Family.LONG_RUNNING, SetPersistence.class),

    RAW_SQL("rawSql", Family.RAW, RawSql.class);

    /** The seeds' eight families, each with its own danger profile. */
    public enum Family {
        ADDITIONS("Additions", "adding things rarely breaks production"),
        REMOVALS("Removals", "removing data is expensive — most of these need consent"),
        TYPE_AND_NULLABILITY("Type and nullability", "type and nullability changes can fail silently — flagged early"),
        RENAMES("Renames", "renaming breaks any client reading the old name — prefer expand-contract"),
        ROW_LEVEL_SECURITY("Row level security", "RLS changes affect every read and write on the table"),
        SAFE_ALTERNATIVES("Safe alternatives", "the safe alternatives — restorable until cleanup"),
        /**
         * The kinds that are long-running whatever their arguments (every instance's {@link Operation#longRunning()}
         * is true). Other steps can be long-running too (a validated foreign key, an index build, an archive copy):
         * {@link Operation#longRunning()} is what decides.
         */
        LONG_RUNNING("Long-running", "long-running. Use during off-peak windows."),
        RAW("Raw SQL", "the planner can't reason about it — review by hand");

        private final String title;
        private final String tagline;

        Family(String title, String tagline) {
            this.title = title;
            this.tagline = tagline;
        }

        public String title() {
            return title;
        }

        public String tagline() {
            return tagline;
        }
    }

    private static final Map<String, OperationKind> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OperationKind::id, Function.identity()));

    private final String id;
    private final Family family;
    private final Class<? extends Operation> type;

    OperationKind(String id, Family family, Class<? extends Operation> type) {
        this.id = id;
        this.family = family;
        this.type = type;
    }

    /** The camelCase id: {@code addColumn}. */
    public String id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public Class<? extends Operation> type() {
        return type;
    }

    public static Optional<OperationKind> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
