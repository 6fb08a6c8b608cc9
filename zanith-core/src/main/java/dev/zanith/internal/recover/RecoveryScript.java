package dev.zanith.internal.recover;

import dev.zanith.api.output.ArtifactDefinition;
import dev.zanith.api.output.ArtifactType;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.ops.Ddl;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The steps a restore runs, derived from an artifact's definition. The same list is rendered as the artifact's
 * {@code recovery_sql} when it is recorded (conditional steps marked with comments) and executed by the restorer,
 * which decides the conditional ones from the data.
 */
final class RecoveryScript {

    /** How the restorer treats a step. */
    enum Kind {
        /** Always runs. */
        PLAIN,
        /** soft_drop_column with a default: fills rows written while the column was parked (NULL there). */
        FILL_NULLS_WITH_DEFAULT,
        /** Runs only when no row is NULL in the column (otherwise the restore reports how many rows are). */
        SET_NOT_NULL,
        /** archive_column: refills values by primary key; its row count is reported. */
        REFILL_FROM_ARCHIVE,
        /** archive_column of an identity column: NOT NULL, identity, sequence past the highest value (no NULLs). */
        ADD_IDENTITY,
        /** An index or constraint re-created; a CHECK or FOREIGN KEY falls back to NOT VALID when rows violate it. */
        DEPENDENT
    }

    record Step(Kind kind, String sql, String fallback, String comment) {
    }

    private RecoveryScript() {
    }

    static List<Step> steps(ArtifactType type, TableName source, String sourceColumn, ArtifactDefinition d) {
        return switch (type) {
            case SOFT_DROP_COLUMN -> softDropColumn(source, sourceColumn, d);
            case ARCHIVE_COLUMN -> archiveColumn(source, sourceColumn, d);
            case SOFT_DROP_TABLE -> softDropTable(source, d);
            case ARCHIVE_TABLE -> archiveTable(source, d);
            case REBUILD_TABLE -> List.of();
        };
    }

    /** The script as stored in {@code recovery_sql} and shown by {@code recover inspect}. */
    static String text(ArtifactType type, TableName source, String sourceColumn, ArtifactDefinition d) {
        String target = source + (sourceColumn == null ? "" : "." + sourceColumn);
        if (type == ArtifactType.REBUILD_TABLE) {
            return "-- rebuild_table artifacts are for inspection only and are never restored: the rebuild changed no\n"
                    + "-- schema, and the rows were rewritten in place (clients kept using the table throughout), so\n"
                    + "-- there is nothing to put back. The definition holds " + target + " as it was.\n";
        }
        StringBuilder out = new StringBuilder("-- restore " + target + " (" + type.id() + "), in one transaction under the "
                + "apply lock: zanith recover " + (type.isColumn() ? "restore-column " + target
                : "restore-table " + target) + "\n");
        for (Step step : steps(type, source, sourceColumn, d)) {
            if (step.comment() != null) {
                out.append("-- ").append(step.comment()).append('\n');
            }
            out.append(step.sql()).append(";\n");
        }
        return out.toString();
    }

    private static List<Step> softDropColumn(TableName source, String name, ArtifactDefinition d) {
        List<Step> steps = new ArrayList<>();
        String table = source.sql();
        String column = Identifiers.quote(name);
        steps.add(plain("ALTER TABLE " + table + " RENAME COLUMN " + Identifiers.quote(d.parkedColumn()) + " TO "
                + column, null));
        Column c = d.column();
        boolean plainColumn = c != null && c.identity() == null && c.generated() == null;
        if (plainColumn && c.defaultExpression() != null) {
            steps.add(plain("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + c.defaultExpression(),
                    null));
        }
        if (plainColumn && c.notNull()) {
            if (c.defaultExpression() != null) {
                steps.add(new Step(Kind.FILL_NULLS_WITH_DEFAULT, "UPDATE " + table + " SET " + column + " = DEFAULT WHERE "
                        + column + " IS NULL", null, "rows written while the column was parked hold NULL: they get the "
                        + "default, as they would have"));
            }
            steps.add(new Step(Kind.SET_NOT_NULL, "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL",
                    null, "only when no row is NULL; otherwise the restore leaves the column nullable and says how "
                    + "many rows are"));
        }
        dependents(steps, d);
        return steps;
    }

    private static List<Step> archiveColumn(TableName source, String name, ArtifactDefinition d) {
        List<Step> steps = new ArrayList<>();
        String table = source.sql();
        String column = Identifiers.quote(name);
        Column c = d.column();
        Column added = new Column(name, c.type(), false, c.identity() != null ? null : c.defaultExpression(), null,
                c.generated(), c.collation(), null);
        steps.add(plain("ALTER TABLE " + table + " ADD COLUMN " + Ddl.column(added), null));
        String archive = ParkedData.relation(d).sql();
        if (c.generated() == null) {
            String match = d.primaryKey().stream().map(k -> "t." + Identifiers.quote(k) + " = a." + Identifiers.quote(k))
                    .collect(Collectors.joining(" AND "));
            steps.add(new Step(Kind.REFILL_FROM_ARCHIVE, "UPDATE " + table + " AS t SET " + column + " = a." + column
                    + " FROM " + archive + " AS a WHERE " + match, null, "values back by primary key ("
                    + String.join(", ", d.primaryKey()) + "); rows inserted since the archive keep "
                    + (c.defaultExpression() != null && c.identity() == null ? "the default" : "NULL")));
        }
        if (c.identity() != null) {
            String options = Ddl.identityClause(c.type(), c.identity());
            steps.add(new Step(Kind.ADD_IDENTITY, "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL;\n"
                    + "ALTER TABLE " + table + " ALTER COLUMN " + column + " ADD " + options + ";\n"
                    + "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + Identifiers.literal(table) + ", "
                    + Identifiers.literal(name) + "), max(" + column + ")) FROM " + table + " HAVING max(" + column
                    + ") IS NOT NULL", null, "the identity comes back when every row has a value"));
        } else if (c.notNull() && c.generated() == null) {
            steps.add(new Step(Kind.SET_NOT_NULL, "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL",
                    null, "only when no row is NULL; otherwise the restore leaves the column nullable and says how "
                    + "many rows are"));
        }
        if (c.comment() != null) {
            steps.add(plain("COMMENT ON COLUMN " + table + "." + column + " IS " + Identifiers.literal(c.comment()), null));
        }
        dependents(steps, d);
        steps.add(plain("DROP TABLE " + archive, "the values are back in the table: the archive goes"));
        return steps;
    }

    private static List<Step> softDropTable(TableName source, ArtifactDefinition d) {
        List<Step> steps = new ArrayList<>();
        steps.add(plain("ALTER TABLE " + ParkedData.relation(d).sql() + " RENAME TO " + Identifiers.quote(source.name()),
                null));
        renameBack(steps, source, d, false);
        return steps;
    }

    private static List<Step> archiveTable(TableName source, ArtifactDefinition d) {
        List<Step> steps = new ArrayList<>();
        steps.add(plain("ALTER TABLE " + ParkedData.relation(d).sql() + " SET SCHEMA " + Identifiers.quote(source.schema()),
                null));
        steps.add(plain("ALTER TABLE " + Identifiers.qualify(source.schema(), d.parkedTable()) + " RENAME TO "
                + Identifiers.quote(source.name()), null));
        renameBack(steps, source, d, true);
        return steps;
    }

    /** Indexes, constraints and sequences get their names back (in the source schema once the table is back). */
    private static void renameBack(List<Step> steps, TableName source, ArtifactDefinition d, boolean movedBack) {
        for (ArtifactDefinition.RenamedObject r : d.renamed()) {
            String schema = movedBack ? source.schema() : r.schema();
            String sql = switch (r.kind()) {
                case "constraint" -> "ALTER TABLE " + source.sql() + " RENAME CONSTRAINT " + Identifiers.quote(r.parked())
                        + " TO " + Identifiers.quote(r.original());
                case "sequence" -> "ALTER SEQUENCE " + Identifiers.qualify(schema, r.parked()) + " RENAME TO "
                        + Identifiers.quote(r.original());
                default -> "ALTER INDEX " + Identifiers.qualify(schema, r.parked()) + " RENAME TO "
                        + Identifiers.quote(r.original());
            };
            steps.add(plain(sql, null));
        }
    }

    private static void dependents(List<Step> steps, ArtifactDefinition d) {
        for (ArtifactDefinition.Dependent dep : d.dependents()) {
            steps.add(new Step(Kind.DEPENDENT, dep.sql(), dep.fallback(), dep.kind() + " " + dep.name() + " ("
                    + dep.origin().replace('_', ' ') + ")" + (dep.fallback() != null
                    ? "; added NOT VALID instead if rows written meanwhile violate it" : "")));
        }
    }

    private static Step plain(String sql, String comment) {
        return new Step(Kind.PLAIN, sql, null, comment);
    }
}
