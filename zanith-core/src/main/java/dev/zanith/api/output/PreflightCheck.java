package dev.zanith.api.output;

import java.util.Locale;

/** The data-dependent checks run before a step, read-only. */
public enum PreflightCheck {
    /** Before SET NOT NULL (and a primary key on nullable columns): rows with NULL. */
    NULLS("add the values first (a backfill step with where: <column> IS NULL) or keep the column nullable"),
    /** Before a unique index, unique constraint or primary key: rows sharing a key. */
    DUPLICATES("remove or merge the duplicate rows first, or widen the key"),
    /** Before a validated foreign key: rows whose parent does not exist. */
    ORPHANS("fix or delete the orphan rows (or insert their parents) first, or add the key with notValid: true and "
            + "validate it once they are fixed"),
    /** Before narrowing a type or converting text: values that would not fit. */
    TYPE_FIT("fix the values that do not fit first, or choose a wider type"),
    /** Before a validated CHECK: rows that violate it. */
    CHECK_VIOLATIONS("fix the violating rows first, or add the check with notValid: true (new rows only) and validate "
            + "it once they are fixed"),
    /** Before adding a required column without a default: the table must be empty. */
    TABLE_EMPTY("add the column nullable or with a default, backfill it, then setNotNull"),
    /** Before a hard drop: whether the table or column holds data (informational; it decides the reason code). */
    HOLDS_DATA(""),
    /** Before a grant or revoke: the role it names exists on the server (roles are server-wide, never in a schema). */
    ROLE_EXISTS("create the role first (CREATE ROLE <name> NOLOGIN, or however your infrastructure manages roles), "
            + "or remove the step");

    private final String fix;

    PreflightCheck(String fix) {
        this.fix = fix;
    }

    /** The snake_case id used in JSON: {@code check_violations}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How to get past a failure of this check. */
    public String fix() {
        return fix;
    }
}
