package dev.zanith.api.risk;

import dev.zanith.api.ops.OperationKind.Family;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a step carries its risk. Pipelines gate on these ({@code --deny-reasons}), so the snake_case codes are
 * a contract: the 21 published codes are spelled exactly as on the risk page; the others cover operations the
 * page does not name.
 */
public enum ReasonCode {
    ADDS_NULLABLE_COLUMN(Family.ADDITIONS, "back-compat", true),
    ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT(Family.ADDITIONS, "fails on data", true),
    ADDS_INDEX(Family.ADDITIONS, "slow on big tables", true),
    ADDS_UNIQUE_CONSTRAINT(Family.ADDITIONS, "fails on dupes", true),
    ADDS_FOREIGN_KEY(Family.ADDITIONS, "fails on orphans", true),
    ADDS_EXTENSION(Family.ADDITIONS, "idempotent", true),
    DROPS_COLUMN_WITH_DATA(Family.REMOVALS, "data lost", true),
    DROPS_TABLE_WITH_DATA(Family.REMOVALS, "data lost", true),
    DROPS_INDEX(Family.REMOVALS, "plan regression", true),
    DROPS_UNIQUE_CONSTRAINT(Family.REMOVALS, "dupes possible", true),
    DROPS_FOREIGN_KEY(Family.REMOVALS, "orphans possible", true),
    DROPS_EXTENSION(Family.REMOVALS, "cascading break", true),
    NARROWS_COLUMN_TYPE(Family.TYPE_AND_NULLABILITY, "truncation", true),
    CHANGES_COLUMN_TYPE(Family.TYPE_AND_NULLABILITY, "data lost or fails", true),
    CHANGES_COLUMN_NULLABLE_TO_NOT_NULL(Family.TYPE_AND_NULLABILITY, "fails on NULLs", true),
    REBUILDS_TABLE(Family.LONG_RUNNING, "full row copy", true),
    REQUIRES_BACKFILL(Family.LONG_RUNNING, "long running", true),
    RLS_CHANGE(Family.ROW_LEVEL_SECURITY, "every read affected", true),
    RENAME_TABLE(Family.RENAMES, "breaks old clients", true),
    RENAME_COLUMN(Family.RENAMES, "breaks old clients", true),
    RAW_SQL(Family.RAW, "unclassifiable", true),

    CREATES_SCHEMA(Family.ADDITIONS, "new namespace", false),
    CREATES_TABLE(Family.ADDITIONS, "new and empty", false),
    CREATES_TYPE(Family.ADDITIONS, "new type", false),
    ADDS_ENUM_VALUE(Family.ADDITIONS, "usable after commit", false),
    CREATES_SEQUENCE(Family.ADDITIONS, "new sequence", false),
    ADDS_COLUMN_WITH_DEFAULT(Family.ADDITIONS, "rewrite if volatile", false),
    ADDS_PRIMARY_KEY(Family.ADDITIONS, "fails on dupes or NULLs", false),
    ADDS_CHECK_CONSTRAINT(Family.ADDITIONS, "fails on violating rows", false),
    ADDS_DOMAIN_CONSTRAINT(Family.ADDITIONS, "fails on stored values", false),
    ADDS_EXCLUSION_CONSTRAINT(Family.ADDITIONS, "index built under lock", false),
    CREATES_STATISTICS(Family.ADDITIONS, "estimates change", false),
    ADDS_PARTITION(Family.ADDITIONS, "parent locked briefly", false),
    ATTACHES_PARTITION(Family.ADDITIONS, "fails on rows outside the bound", false),
    DROPS_EMPTY_COLUMN(Family.REMOVALS, "breaks readers", false),
    DROPS_EMPTY_TABLE(Family.REMOVALS, "breaks readers", false),
    DROPS_PRIMARY_KEY(Family.REMOVALS, "dupes possible", false),
    DROPS_CHECK_CONSTRAINT(Family.REMOVALS, "invalid rows possible", false),
    DROPS_TYPE(Family.REMOVALS, "fails if in use", false),
    DROPS_SEQUENCE(Family.REMOVALS, "counter lost", false),
    DROPS_SCHEMA(Family.REMOVALS, "fails unless empty", false),
    DROPS_DOMAIN_CONSTRAINT(Family.REMOVALS, "invalid values possible", false),
    DROPS_EXCLUSION_CONSTRAINT(Family.REMOVALS, "conflicts possible", false),
    DROPS_STATISTICS(Family.REMOVALS, "plan regression", false),
    DETACHES_PARTITION(Family.REMOVALS, "rows leave the parent", false),
    DROPS_PARTITION(Family.REMOVALS, "rows lost", false),
    WIDENS_COLUMN_TYPE(Family.TYPE_AND_NULLABILITY, "values all fit", false),
    DROPS_NOT_NULL(Family.TYPE_AND_NULLABILITY, "NULLs possible", false),
    CHANGES_DEFAULT(Family.TYPE_AND_NULLABILITY, "new rows only", false),
    CHANGES_IDENTITY(Family.TYPE_AND_NULLABILITY, "numbering changes", false),
    CHANGES_SEQUENCE(Family.TYPE_AND_NULLABILITY, "numbering changes", false),
    CHANGES_COMMENT(Family.TYPE_AND_NULLABILITY, "documentation", false),
    CHANGES_TYPE_ATTRIBUTE(Family.TYPE_AND_NULLABILITY, "readers of the type break", false),
    RENAME_INDEX(Family.RENAMES, "hints break", false),
    RENAME_CONSTRAINT(Family.RENAMES, "ON CONFLICT breaks", false),
    RENAME_SEQUENCE(Family.RENAMES, "nextval('name') breaks", false),
    RENAME_TYPE(Family.RENAMES, "casts to the old name break", false),
    SOFT_DROPS_COLUMN(Family.SAFE_ALTERNATIVES, "restorable", false),
    SOFT_DROPS_TABLE(Family.SAFE_ALTERNATIVES, "restorable", false),
    ARCHIVES_COLUMN(Family.SAFE_ALTERNATIVES, "restorable", false),
    ARCHIVES_TABLE(Family.SAFE_ALTERNATIVES, "restorable", false),
    REBUILDS_INDEX(Family.LONG_RUNNING, "index rebuilt under lock", false),
    VALIDATES_CONSTRAINT(Family.LONG_RUNNING, "online scan", false),
    OVERWRITES_COLUMN_VALUES(Family.LONG_RUNNING, "old values lost", false),
    CREATES_VIEW(Family.ADDITIONS, "new view", false),
    DROPS_VIEW(Family.REMOVALS, "breaks readers", false),
    REPLACES_VIEW(Family.TYPE_AND_NULLABILITY, "readers wait briefly", false),
    REFRESHES_MATERIALIZED_VIEW(Family.LONG_RUNNING, "runs the query under lock", false),
    CREATES_FUNCTION(Family.ADDITIONS, "new routine", false),
    ADDS_TRIGGER(Family.ADDITIONS, "writes do more", false),
    DROPS_FUNCTION(Family.REMOVALS, "callers fail", false),
    DROPS_TRIGGER(Family.REMOVALS, "side effects stop", false),
    REPLACES_FUNCTION(Family.TYPE_AND_NULLABILITY, "callers see new behaviour", false),
    FUNCTION_CHANGE_NOT_RECHECKED(Family.TYPE_AND_NULLABILITY, "stored results not re-checked", false),
    REPLACES_TRIGGER(Family.TYPE_AND_NULLABILITY, "writes behave differently", false),
    CHANGES_TRIGGER_STATE(Family.TYPE_AND_NULLABILITY, "side effects start or stop", false),
    ADDS_EVENT_TRIGGER(Family.ADDITIONS, "every DDL does more", false),
    DROPS_EVENT_TRIGGER(Family.REMOVALS, "DDL guard or audit stops", false),
    GRANTS_PRIVILEGE(Family.ADDITIONS, "access widens", false),
    REVOKES_PRIVILEGE(Family.REMOVALS, "permission denied", false),
    CHANGES_STORAGE_PARAMETERS(Family.TYPE_AND_NULLABILITY, "vacuum and page fill", false),
    CHANGES_PERSISTENCE(Family.LONG_RUNNING, "rewrite; crash safety changes", false);

    private final Family family;
    private final String tag;
    private final boolean published;

    ReasonCode(Family family, String tag, boolean published) {
        this.family = family;
        this.tag = tag;
        this.published = published;
    }

    /** The snake_case code: {@code drops_column_with_data}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Family family() {
        return family;
    }

    /** Two or three words on what goes wrong: "fails on dupes". */
    public String tag() {
        return tag;
    }

    /** Whether it is one of the 21 codes of the published risk page. */
    public boolean published() {
        return published;
    }

    public static Optional<ReasonCode> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** Every code, comma-separated, for messages listing the valid ones. */
    public static String allCodes() {
        return Arrays.stream(values()).map(ReasonCode::code).collect(Collectors.joining(", "));
    }

    public static List<ReasonCode> publishedCodes() {
        return Arrays.stream(values()).filter(ReasonCode::published).toList();
    }

    @Override
    public String toString() {
        return code();
    }
}
