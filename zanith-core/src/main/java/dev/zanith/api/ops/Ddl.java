package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Identity;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.QualifiedNames;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SQL fragments shared by the operations: column definitions, constraints, indexes, policies. */
public final class Ddl {

    private Ddl() {
    }

    /** {@code "a", b} — each name quoted when necessary. */
    public static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** A column definition as in CREATE TABLE / ADD COLUMN. */
    public static String column(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(collation(column.collation()));
        }
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generated().expression()).append(')')
                    .append(column.generated().stored() ? " STORED" : " VIRTUAL");
        }
        if (column.identity() != null) {
            sql.append(" GENERATED ").append(column.identity().generation().sql()).append(" AS IDENTITY");
            String options = identityOptions(column.type(), column.identity());
            if (!options.isEmpty()) {
                sql.append(" (").append(options).append(')');
            }
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull() && column.identity() == null && !isSerial(column.type())) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** {@code GENERATED ALWAYS AS IDENTITY (...)}, the options given only where they differ from the defaults. */
    public static String identityClause(String columnType, Identity identity) {
        String options = identityOptions(columnType, identity);
        return "GENERATED " + identity.generation().sql() + " AS IDENTITY" + (options.isEmpty() ? "" : " (" + options + ")");
    }

    /** {@code "C"} or {@code myschema."de-x-icu"}. */
    public static String collation(String collation) {
        return QualifiedNames.split(collation).stream().map(Identifiers::quote).collect(Collectors.joining("."));
    }

    /** Whether a column type is one of the serial pseudo-types (an integer plus an owned sequence). */
    public static boolean isSerial(String type) {
        return type.equals("serial") || type.equals("bigserial") || type.equals("smallserial")
                || type.equals("serial4") || type.equals("serial8") || type.equals("serial2");
    }

    /** {@code pg_get_serial_sequence(...)}: the sequence behind a serial or identity column, as regclass. */
    static String serialSequence(TableName table, String column) {
        // The table name is parsed as SQL (so it is passed quoted); the column name is taken literally.
        return "pg_catalog.pg_get_serial_sequence(" + Identifiers.literal(table.sql()) + ", "
                + Identifiers.literal(column) + ")::regclass";
    }

    /**
     * Moves {@code sequence} (a regclass expression) to the position that {@code positionQuery} answers with
     * columns {@code last_value, is_called}; no rows, or a NULL position, leaves it where it is.
     */
    static String continueSequence(String sequence, String positionQuery) {
        return "SELECT pg_catalog.setval(" + sequence + ", p.last_value, p.is_called) FROM (" + positionQuery
                + ") AS p WHERE p.last_value IS NOT NULL";
    }

    /** The options of an identity that differ from PostgreSQL's defaults for the column type. */
    static String identityOptions(String columnType, Identity identity) {
        SequenceOptions o = identity.sequence();
        if (o == null) {
            return "";
        }
        long typeMax = maxValue(columnType);
        List<String> parts = new ArrayList<>();
        boolean ascending = o.increment() > 0;
        long defaultMin = ascending ? 1 : -typeMax - 1;
        long defaultMax = ascending ? typeMax : -1;
        long defaultStart = ascending ? o.minValue() : o.maxValue();
        if (o.start() != defaultStart) {
            parts.add("START WITH " + o.start());
        }
        if (o.increment() != 1) {
            parts.add("INCREMENT BY " + o.increment());
        }
        if (o.minValue() != defaultMin) {
            parts.add("MINVALUE " + o.minValue());
        }
        if (o.maxValue() != defaultMax) {
            parts.add("MAXVALUE " + o.maxValue());
        }
        if (o.cache() != 1) {
            parts.add("CACHE " + o.cache());
        }
        if (o.cycle()) {
            parts.add("CYCLE");
        }
        return String.join(" ", parts);
    }

    /** Every sequence option, explicitly. */
    static String sequenceOptions(SequenceOptions o) {
        return "AS " + o.dataType() + " INCREMENT BY " + o.increment() + " MINVALUE " + o.minValue() + " MAXVALUE "
                + o.maxValue() + " START WITH " + o.start() + " CACHE " + o.cache() + (o.cycle() ? " CYCLE" : " NO CYCLE");
    }

    static long maxValue(String integerType) {
        return switch (integerType) {
            case "smallint", "int2", "smallserial", "serial2" -> Short.MAX_VALUE;
            case "integer", "int", "int4", "serial", "serial4" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    public static String primaryKey(PrimaryKey pk) {
        return "CONSTRAINT " + Identifiers.quote(pk.name()) + " PRIMARY KEY (" + columnList(pk.columns()) + ")"
                + include(pk.include()) + deferrable(pk.deferrable(), pk.initiallyDeferred());
    }

    public static String unique(UniqueConstraint u) {
        return "CONSTRAINT " + Identifiers.quote(u.name()) + " UNIQUE" + (u.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + " (" + columnList(u.columns()) + ")" + include(u.include()) + deferrable(u.deferrable(), u.initiallyDeferred());
    }

    public static String check(CheckConstraint c, boolean notValid) {
        return "CONSTRAINT " + Identifiers.quote(c.name()) + " CHECK (" + c.expression() + ")"
                + (c.noInherit() ? " NO INHERIT" : "") + (notValid ? " NOT VALID" : "");
    }

    public static String foreignKey(ForeignKey fk, boolean notValid) {
        StringBuilder sql = new StringBuilder("CONSTRAINT ").append(Identifiers.quote(fk.name()))
                .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
                .append(fk.referenced().sql()).append(" (").append(columnList(fk.referencedColumns())).append(')');
        if (!fk.match().equals("SIMPLE")) {
            sql.append(" MATCH ").append(fk.match());
        }
        if (!fk.onUpdate().equals("NO ACTION")) {
            sql.append(" ON UPDATE ").append(fk.onUpdate());
        }
        if (!fk.onDelete().equals("NO ACTION")) {
            sql.append(" ON DELETE ").append(fk.onDelete());
        }
        sql.append(deferrable(fk.deferrable(), fk.initiallyDeferred()));
        if (notValid) {
            sql.append(" NOT VALID");
        }
        return sql.toString();
    }

    /** CREATE INDEX for {@code index} on {@code table}. */
    public static String createIndex(TableName table, Index index, boolean concurrently) {
        return createIndex(table, index, concurrently, false);
    }

    /**
     * CREATE INDEX for {@code index} on {@code table}; {@code onlyParent} builds it on a partitioned table alone
     * ({@code ON ONLY}, no partition indexed, the index INVALID until every partition's index is attached).
     */
    static String createIndex(TableName table, Index index, boolean concurrently, boolean onlyParent) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(Identifiers.quote(index.name())).append(onlyParent ? " ON ONLY " : " ON ").append(table.sql());
        if (!index.method().equals("btree")) {
            sql.append(" USING ").append(index.method());
        }
        sql.append(" (").append(String.join(", ", index.keys())).append(')').append(include(index.include()));
        if (index.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        if (!index.storageParameters().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", index.storageParameters())).append(')');
        }
        if (index.predicate() != null) {
            sql.append(" WHERE ").append(index.predicate());
        }
        return sql.toString();
    }

    public static String createPolicy(TableName table, Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(policy.name())).append(" ON ")
                .append(table.sql());
        if (!policy.permissive()) {
            sql.append(" AS RESTRICTIVE");
        }
        if (!policy.command().equals("ALL")) {
            sql.append(" FOR ").append(policy.command());
        }
        if (!policy.roles().equals(List.of("PUBLIC"))) {
            sql.append(" TO ").append(policy.roles().stream()
                    .map(r -> r.equals("PUBLIC") ? "PUBLIC" : Identifiers.quote(r)).collect(Collectors.joining(", ")));
        }
        if (policy.using() != null) {
            sql.append(" USING (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            sql.append(" WITH CHECK (").append(policy.withCheck()).append(')');
        }
        return sql.toString();
    }

    static String alterTable(TableName table) {
        return "ALTER TABLE " + table.sql();
    }

    static String alterColumn(TableName table, String column) {
        return alterTable(table) + " ALTER COLUMN " + Identifiers.quote(column);
    }

    private static String include(List<String> include) {
        return include.isEmpty() ? "" : " INCLUDE (" + columnList(include) + ")";
    }

    /** " DEFERRABLE [INITIALLY DEFERRED]", or "" for a constraint checked immediately. */
    static String deferrable(boolean deferrable, boolean initiallyDeferred) {
        if (!deferrable) {
            return "";
        }
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }
}
