package dev.zanith.api.output;

import dev.zanith.api.exception.ZanithConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five kinds of recovery artifact; {@link #id()} is the value of {@code artifact_type} (a fixed contract). */
public enum ArtifactType {

    /** A column renamed to a reserved parked name; restore renames it back. */
    SOFT_DROP_COLUMN(true, true),
    /** A table renamed to a reserved parked name with its indexes; restore renames them back. */
    SOFT_DROP_TABLE(false, true),
    /** Primary key + values copied to the archive schema before the column was dropped; restore re-adds and refills. */
    ARCHIVE_COLUMN(true, true),
    /** A table moved into the archive schema; restore moves it back. */
    ARCHIVE_TABLE(false, true),
    /** The schema of a table before a rebuild, for forensic inspection only; never restored automatically. */
    REBUILD_TABLE(false, false);

    private final boolean column;
    private final boolean restorable;

    ArtifactType(boolean column, boolean restorable) {
        this.column = column;
        this.restorable = restorable;
    }

    /** {@code soft_drop_column}, {@code archive_table}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the artifact is about one column (its source has a column). */
    public boolean isColumn() {
        return column;
    }

    /** Whether {@code recover restore} can bring it back (all but {@code rebuild_table}). */
    public boolean isRestorable() {
        return restorable;
    }

    /** The type of an {@code artifact_type} value. */
    public static ArtifactType of(String id) {
        for (ArtifactType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown artifact type " + id);
    }

    /** The type a user named, e.g. in {@code --type}: refuses unknown names with the list of known ones. */
    public static ArtifactType parse(String id) {
        try {
            return of(id.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("Unknown artifact type '" + id + "': use one of "
                    + Arrays.stream(values()).map(ArtifactType::id).collect(Collectors.joining(", ")) + ".");
        }
    }
}
