package dev.zanith.internal.migration;

import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddEnumValue;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.ArchiveColumn;
import dev.zanith.api.ops.CreateEnum;
import dev.zanith.api.ops.CreateExtension;
import dev.zanith.api.ops.CreatePolicy;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.SoftDropColumn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Migration ids: {@code <UTC timestamp>_<slug>}, the slug derived from what the migration does. */
public final class MigrationNames {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP_PARSE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final int MAX_SLUG = 60;

    /** Kinds in the order they name a migration: the most telling first. */
    private static final List<OperationKind> NAMING_ORDER = List.of(OperationKind.CREATE_TABLE, OperationKind.ADD_COLUMN,
            OperationKind.ALTER_COLUMN_TYPE, OperationKind.SET_NOT_NULL, OperationKind.SOFT_DROP_COLUMN,
            OperationKind.ARCHIVE_COLUMN, OperationKind.DROP_COLUMN, OperationKind.SOFT_DROP_TABLE,
            OperationKind.ARCHIVE_TABLE, OperationKind.DROP_TABLE, OperationKind.RENAME_TABLE, OperationKind.RENAME_COLUMN,
            OperationKind.CREATE_ENUM, OperationKind.ADD_ENUM_VALUE, OperationKind.ADD_INDEX, OperationKind.ADD_FOREIGN_KEY,
            OperationKind.CREATE_EXTENSION, OperationKind.CREATE_POLICY);

    private MigrationNames() {
    }

    /** {@code 20261121133000_add_users_last_login}. */
    public static String id(Instant now, String slug) {
        return TIMESTAMP.format(now) + "_" + sanitize(slug);
    }

    private static final java.util.regex.Pattern FLYWAY_VERSIONED = java.util.regex.Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*");
    /** An id this class would write: 14 digits of UTC time, then an underscore. */
    private static final java.util.regex.Pattern TIMESTAMPED = java.util.regex.Pattern.compile("(\\d{14})_.*");

    /**
     * The id of a new migration that sorts after every id in {@code existing} (files and ledger rows, restores
     * ignored), so that it runs last and no baseline covers it: {@code <UTC timestamp>_<slug>}; where the newest
     * existing id is a Flyway-style {@code V<major>[.<minor>…]__<text>} (which sorts after any timestamp, since
     * a letter sorts after a digit), {@code V<major + 1>__<slug>} instead, following the project's own naming.
     * Where the newest id is timestamped at or after {@code now} (two migrations generated within one second, or a
     * teammate's clock ahead of this one), the new id takes the newest timestamp plus one second, so it still sorts
     * last.
     *
     * @throws ZanithException when the newest existing id sorts after a timestamp and is not Flyway-style (name the
     *                         migration yourself)
     */
    public static String next(Instant now, String slug, java.util.Collection<String> existing) {
        String timestamped = id(now, slug);
        java.util.Optional<String> newest = existing.stream().filter(e -> !dev.zanith.api.output.AppliedMigration.isRestoreId(e)).max(NaturalOrder.INSTANCE);
        if (newest.isEmpty() || NaturalOrder.INSTANCE.compare(timestamped, newest.get()) > 0) {
            return timestamped;
        }
        java.util.regex.Matcher stamped = TIMESTAMPED.matcher(newest.get());
        if (stamped.matches()) {
            Instant after = java.time.LocalDateTime.parse(stamped.group(1), TIMESTAMP_PARSE).toInstant(ZoneOffset.UTC)
                    .plusSeconds(1);
            return id(after, slug);
        }
        java.util.regex.Matcher flyway = FLYWAY_VERSIONED.matcher(newest.get());
        if (flyway.matches()) {
            return "V" + new java.math.BigInteger(flyway.group(1)).add(java.math.BigInteger.ONE) + "__" + sanitize(slug);
        }
        throw new dev.zanith.api.exception.ZanithException("The newest migration id '" + newest.get() + "' sorts after '"
                + timestamped + "', so a new migration named by timestamp would run before it (or be covered by a "
                + "baseline). Name the new file so that it sorts last.");
    }

    /** A slug describing the operations: the most telling one, "and_more" when there are others. */
    public static String slug(List<Operation> operations) {
        List<Operation> telling = operations.stream().filter(o -> NAMING_ORDER.contains(o.kind()))
                .filter(o -> !(o instanceof SetNotNull) || operations.stream().noneMatch(x -> x.kind() == OperationKind.CREATE_TABLE))
                .sorted(java.util.Comparator.comparingInt(o -> NAMING_ORDER.indexOf(o.kind()))).toList();
        Operation first = telling.isEmpty() ? operations.get(0) : telling.get(0);
        long others = telling.stream().map(MigrationNames::describe).distinct().count() - 1;
        String slug = describe(first) + (others > 0 ? "_and_more" : "");
        return sanitize(slug);
    }

    static String describe(Operation o) {
        if (o instanceof CreateTable c) {
            return "create_" + c.table().name();
        }
        if (o instanceof AddColumn a) {
            return "add_" + a.table().name() + "_" + a.column().name();
        }
        if (o instanceof AlterColumnType a) {
            return "change_" + a.table().name() + "_" + a.column() + "_type";
        }
        if (o instanceof SetNotNull s) {
            return "require_" + s.table().name() + "_" + s.column();
        }
        if (o instanceof SoftDropColumn s) {
            return "drop_" + s.table().name() + "_" + s.column();
        }
        if (o instanceof ArchiveColumn a) {
            return "drop_" + a.table().name() + "_" + a.column();
        }
        if (o instanceof DropColumn d) {
            return "drop_" + d.table().name() + "_" + d.column();
        }
        if (o.kind() == OperationKind.SOFT_DROP_TABLE || o.kind() == OperationKind.ARCHIVE_TABLE
                || o.kind() == OperationKind.DROP_TABLE) {
            return "drop_" + o.target().name();
        }
        if (o instanceof RenameTable r) {
            return "rename_" + r.table().name() + "_to_" + r.newName();
        }
        if (o instanceof RenameColumn r) {
            return "rename_" + r.table().name() + "_" + r.column() + "_to_" + r.newName();
        }
        if (o instanceof CreateEnum e) {
            return "create_" + e.enumType().name();
        }
        if (o instanceof AddEnumValue e) {
            return "add_" + e.enumType().name() + "_" + e.value();
        }
        if (o instanceof AddIndex i) {
            return "index_" + i.index().name();
        }
        if (o instanceof AddForeignKey f) {
            return "link_" + f.table().name() + "_" + f.foreignKey().referencedTable();
        }
        if (o instanceof CreateExtension e) {
            return "enable_" + e.name();
        }
        if (o instanceof CreatePolicy p) {
            return "policy_" + p.table().name() + "_" + p.policy().name();
        }
        return o.kind().id() + (o.target() != null ? "_" + o.target().name() : "");
    }

    /** Lower-case letters, digits and single underscores; at most 60 characters. */
    public static String sanitize(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "migration" : slug;
    }
}
