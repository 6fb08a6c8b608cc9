package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.Expressions;
import dev.zanith.api.schema.Extension;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.GeneratedColumn;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.SequenceOptions;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one model of what an operation does to a schema graph, computed without a database. The risk model uses
 * it for the schema each later step of a plan sees, verify for the expected result of the pending migrations it
 * compares the shadow against, and the differ for what a rename hint makes of the live schema — so all three
 * agree on what, say, a column rename carries with it (constraints, indexes, policies, foreign keys on both
 * sides, owned sequences). Expressions and types are kept as written (verify normalizes on a shadow).
 * An operation on something that does not exist, or one that would collide (a column added twice), leaves the
 * graph as it is: the step fails when it runs, and the model reports it elsewhere. Raw SQL's effect is not known
 * without running it ({@link #supports}): it leaves the graph as it is.
 */
public final class SchemaEffect {

    private SchemaEffect() {
    }

    /** Whether the effect of {@code operation} can be computed (everything but raw SQL). */
    public static boolean supports(Operation operation) {
        return !(operation instanceof RawSql);
    }

    /** {@code graph} after {@code operation}; unchanged for raw SQL and for a step that cannot apply. */
    public static SchemaGraph apply(SchemaGraph graph, Operation operation) {
        if (!supports(operation)) {
            return graph;
        }
        try {
            SchemaGraph typed = TypeEffects.apply(graph, operation);
            SchemaGraph after = typed != null ? typed
                    : AttachmentEffect.handles(operation) ? AttachmentEffect.own(graph, operation)
                    : TypeEffects.afterTableChange(graph,
                            RoutineEffect.carryTriggers(graph, operation, effect(graph, operation)), operation);
            return AttachmentEffect.follow(graph, after, operation);
        } catch (IllegalArgumentException e) {
            return graph; // e.g. a rename onto an existing column: the step fails when it runs, the graph stays put
        }
    }

    private static SchemaGraph effect(SchemaGraph graph, Operation operation) {
        Optional<SchemaGraph> onViews = ViewEffects.apply(graph, operation);
        if (onViews.isPresent()) {
            return onViews.get();
        }
        Optional<SchemaGraph> partitions = PartitionEffects.apply(graph, operation);
        if (partitions.isPresent()) {
            return partitions.get();
        }
        if (operation instanceof CreateSchema o) {
            List<String> schemas = new ArrayList<>(graph.schemas());
            schemas.add(o.schema());
            return graph.withSchemas(schemas);
        }
        if (operation instanceof dev.zanith.api.ops.DropSchema o) {
            return graph.withSchemas(graph.schemas().stream().filter(s -> !s.equals(o.schema())).toList());
        }
        if (operation instanceof dev.zanith.api.ops.RenameEnum o) {
            String oldName = dev.zanith.internal.sql.Identifiers.qualify(o.enumType().schema(), o.enumType().name());
            String newName = dev.zanith.internal.sql.Identifiers.qualify(o.enumType().schema(), o.newName());
            return graph.withEnums(graph.enums().stream().map(e -> isEnum(e, o.enumType())
                            ? new dev.zanith.api.schema.EnumType(e.schema(), o.newName(), e.values(), e.comment()) : e).toList())
                    .withTables(graph.tables().stream().map(t -> t.withColumns(t.columns().stream()
                            .map(c -> c.type().equals(oldName) || c.type().startsWith(oldName + "[")
                                    ? c.withType(newName + c.type().substring(oldName.length())) : c).toList())).toList());
        }
        if (operation instanceof CreateExtension o) {
            // The claim: the extension lives where the step says (IF NOT EXISTS may quietly leave it elsewhere).
            Optional<Extension> existing = graph.extensions().stream().filter(e -> e.name().equals(o.name())).findFirst();
            String schema = o.schema() != null ? o.schema() : existing.map(Extension::schema).orElse("public");
            return graph.withExtensions(plus(graph.extensions().stream().filter(e -> !e.name().equals(o.name())).toList(),
                    new Extension(o.name(), schema, null)));
        }
        if (operation instanceof DropExtension o) {
            return graph.withExtensions(graph.extensions().stream().filter(e -> !e.name().equals(o.name())).toList());
        }
        if (operation instanceof CreateEnum o) {
            return graph.enumType(o.enumType().schema(), o.enumType().name()).isPresent() ? graph
                    : graph.withEnums(plus(graph.enums(), o.enumType()));
        }
        if (operation instanceof AddEnumValue o) {
            return graph.withEnums(graph.enums().stream().map(e -> isEnum(e, o.enumType()) ? addValue(e, o) : e).toList());
        }
        if (operation instanceof DropEnum o) {
            return graph.withEnums(graph.enums().stream().filter(e -> !isEnum(e, o.enumType())).toList());
        }
        if (operation instanceof CreateSequence o) {
            return graph.withSequences(plus(graph.sequences(), o.sequence()));
        }
        if (operation instanceof AlterSequence o) {
            return graph.withSequences(graph.sequences().stream().map(s -> s.qualifiedName().equals(o.sequence())
                    ? new Sequence(s.schema(), s.name(), o.options() != null ? o.options() : s.options(), o.ownedByTable(),
                    o.ownedByColumn()) : s).toList());
        }
        if (operation instanceof DropSequence o) {
            return graph.withSequences(graph.sequences().stream().filter(s -> !s.qualifiedName().equals(o.sequence())).toList());
        }
        if (operation instanceof RenameSequence o) {
            TableName renamed = new TableName(o.sequence().schema(), o.newName());
            String oldCall = nextval(o.sequence());
            String newCall = nextval(renamed);
            return graph.withSequences(graph.sequences().stream().map(s -> s.qualifiedName().equals(o.sequence())
                    ? new Sequence(s.schema(), o.newName(), s.options(), s.ownedByTable(), s.ownedByColumn()) : s).toList())
                    .withTables(graph.tables().stream().map(t -> t.withColumns(t.columns().stream()
                            .map(c -> oldCall.equals(c.defaultExpression()) ? c.withDefault(newCall) : c).toList())).toList());
        }
        if (operation instanceof CreateTable o) {
            if (graph.table(o.table().qualifiedName()).isPresent()) {
                return graph;
            }
            SchemaGraph withTable = graph.withTables(plus(graph.tables(), o.table().withColumns(List.of())));
            for (Column column : o.table().columns()) {
                withTable = addColumn(withTable, o.table().qualifiedName(), column);
            }
            return withTable;
        }
        if (operation instanceof AddColumn o) {
            return graph.table(o.table()).flatMap(t -> t.column(o.column().name())).isPresent() ? graph
                    : addColumn(graph, o.table(), o.column());
        }
        if (operation instanceof DropColumn o) {
            return removeColumn(graph, o.table(), o.column(), true);
        }
        if (operation instanceof SoftDropColumn o) {
            // Parked: its CHECKs are dropped by the artifact recorder and, like its indexes, hidden by introspection.
            return removeColumn(graph, o.table(), o.column(), true);
        }
        if (operation instanceof ArchiveColumn o) {
            return removeColumn(graph, o.table(), o.column(), true);
        }
        if (operation instanceof DropTable o) {
            return removeTable(graph, o.table(), true);
        }
        if (operation instanceof SoftDropTable o) {
            return removeTable(graph, o.table(), false);
        }
        if (operation instanceof ArchiveTable o) {
            return removeTable(graph, o.table(), false);
        }
        if (operation instanceof AlterColumnType o) {
            return column(graph, o.table(), o.column(), c -> new Column(c.name(), o.type(), c.notNull(), c.defaultExpression(),
                    c.identity(), c.generated(), o.collation(), c.comment()));
        }
        if (operation instanceof SetNotNull o) {
            return column(graph, o.table(), o.column(), c -> c.withNotNull(true));
        }
        if (operation instanceof DropNotNull o) {
            return column(graph, o.table(), o.column(), c -> c.withNotNull(false));
        }
        if (operation instanceof SetDefault o) {
            return column(graph, o.table(), o.column(), c -> c.withDefault(o.expression()));
        }
        if (operation instanceof DropDefault o) {
            return column(graph, o.table(), o.column(), c -> c.withDefault(null));
        }
        if (operation instanceof SetIdentity o) {
            return column(graph, o.table(), o.column(), c -> new Column(c.name(), c.type(), true, null,
                    new dev.zanith.api.schema.Identity(o.identity().generation(), identityOptions(c.type(), o.identity(),
                            c.identity())), c.generated(), c.collation(), c.comment()));
        }
        if (operation instanceof DropIdentity o) {
            return column(graph, o.table(), o.column(), c -> new Column(c.name(), c.type(), c.notNull(), c.defaultExpression(),
                    null, c.generated(), c.collation(), c.comment()));
        }
        if (operation instanceof SetComment o) {
            return switch (o.on()) {
                case "table" -> table(graph, o.object(), t -> t.withComment(o.comment()));
                case "column" -> column(graph, o.object(), o.column(), c -> c.withComment(o.comment()));
                default -> graph.withEnums(graph.enums().stream().map(e -> isEnum(e, o.object())
                        ? new EnumType(e.schema(), e.name(), e.values(), o.comment()) : e).toList());
            };
        }
        if (operation instanceof AddIndex o) {
            return table(graph, o.table(), t -> t.indexes().stream().anyMatch(i -> i.name().equals(o.index().name())) ? t
                    : t.withIndexes(plus(t.indexes(), o.index().asValid())));
        }
        if (operation instanceof DropIndex o) {
            return table(graph, o.table(), t -> t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(o.name())).toList()));
        }
        if (operation instanceof RenameIndex o) {
            return table(graph, o.table(), t -> t.withIndexes(t.indexes().stream()
                    .map(i -> i.name().equals(o.name()) ? i.withName(o.newName()) : i).toList()));
        }
        if (operation instanceof AddPrimaryKey o) {
            SchemaGraph withKey = table(graph, o.table(), t -> t.withPrimaryKey(o.primaryKey())
                    .withIndexes(t.indexes().stream().filter(i -> !i.name().equals(o.usingIndex())).toList()));
            for (String column : o.primaryKey().columns()) {
                withKey = column(withKey, o.table(), column, c -> c.withNotNull(true));
            }
            return withKey;
        }
        if (operation instanceof DropPrimaryKey o) {
            return table(graph, o.table(), t -> t.primaryKey() != null && t.primaryKey().name().equals(o.name())
                    ? t.withPrimaryKey(null) : t);
        }
        if (operation instanceof AddUniqueConstraint o) {
            return table(graph, o.table(), t -> t.withUniqueConstraints(plus(t.uniqueConstraints(), o.constraint()))
                    .withIndexes(t.indexes().stream().filter(i -> !i.name().equals(o.usingIndex())).toList()));
        }
        if (operation instanceof DropUniqueConstraint o) {
            return table(graph, o.table(), t -> t.withUniqueConstraints(t.uniqueConstraints().stream()
                    .filter(u -> !u.name().equals(o.name())).toList()));
        }
        if (operation instanceof AddForeignKey o) {
            ForeignKey fk = o.foreignKey();
            ForeignKey added = new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                    fk.referencedColumns(), fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(),
                    !o.notValid());
            return table(graph, o.table(), t -> t.withForeignKeys(plus(t.foreignKeys(), added)));
        }
        if (operation instanceof DropForeignKey o) {
            return table(graph, o.table(), t -> t.withForeignKeys(t.foreignKeys().stream().filter(f -> !f.name().equals(o.name())).toList()));
        }
        if (operation instanceof AddCheckConstraint o) {
            CheckConstraint c = o.constraint();
            return table(graph, o.table(), t -> t.withCheckConstraints(plus(t.checkConstraints(),
                    new CheckConstraint(c.name(), c.expression(), !o.notValid(), c.noInherit()))));
        }
        if (operation instanceof DropCheckConstraint o) {
            return table(graph, o.table(), t -> t.withCheckConstraints(t.checkConstraints().stream()
                    .filter(c -> !c.name().equals(o.name())).toList()));
        }
        if (operation instanceof ValidateConstraint o) {
            return table(graph, o.table(), t -> t.withCheckConstraints(t.checkConstraints().stream()
                    .map(c -> c.name().equals(o.name()) ? c.asValidated() : c).toList())
                    .withForeignKeys(t.foreignKeys().stream().map(f -> f.name().equals(o.name()) ? f.asValidated() : f).toList()));
        }
        if (operation instanceof RenameConstraint o) {
            return table(graph, o.table(), t -> renameConstraint(t, o.name(), o.newName()));
        }
        if (operation instanceof RenameTable o) {
            return renameTable(graph, o.table(), o.newName());
        }
        if (operation instanceof RenameColumn o) {
            return renameColumn(graph, o.table(), o.column(), o.newName());
        }
        if (operation instanceof EnableRls o) {
            return table(graph, o.table(), t -> t.withRowLevelSecurity(true, o.force()));
        }
        if (operation instanceof DisableRls o) {
            return table(graph, o.table(), t -> t.withRowLevelSecurity(false, o.force()));
        }
        if (operation instanceof CreatePolicy o) {
            return table(graph, o.table(), t -> t.withPolicies(plus(t.policies(), o.policy())));
        }
        if (operation instanceof DropPolicy o) {
            return table(graph, o.table(), t -> t.withPolicies(t.policies().stream().filter(p -> !p.name().equals(o.name())).toList()));
        }
        if (operation instanceof Backfill || operation instanceof RebuildTable) {
            return graph;
        }
        return RoutineEffect.of(graph, operation)
                .orElseThrow(() -> new IllegalArgumentException("no computed effect for " + operation.kind()));
    }

    private static SchemaGraph addColumn(SchemaGraph graph, TableName table, Column column) {
        if (Ddl.isSerial(column.type())) {
            String type = switch (column.type()) {
                case "smallserial", "serial2" -> "smallint";
                case "bigserial", "serial8" -> "bigint";
                default -> "integer";
            };
            TableName sequence = new TableName(table.schema(), table.name() + "_" + column.name() + "_seq");
            long max = type.equals("smallint") ? Short.MAX_VALUE : type.equals("integer") ? Integer.MAX_VALUE : Long.MAX_VALUE;
            SchemaGraph withSequence = graph.withSequences(plus(graph.sequences(), new Sequence(sequence.schema(),
                    sequence.name(), new SequenceOptions(type, 1, 1, 1, max, 1, false), table.name(), column.name())));
            return table(withSequence, table, t -> t.withColumns(plus(t.columns(), new Column(column.name(), type, true,
                    nextval(sequence), null, null, column.collation(), column.comment()))));
        }
        Column added = column.identity() != null ? new Column(column.name(), column.type(), true, column.defaultExpression(),
                new dev.zanith.api.schema.Identity(column.identity().generation(), identityOptions(column.type(),
                        column.identity(), null)), column.generated(), column.collation(), column.comment()) : column;
        return table(graph, table, t -> t.withColumns(plus(t.columns(), added)));
    }

    /** Identity options as PostgreSQL fills them in: the type's range unless given. */
    private static SequenceOptions identityOptions(String columnType, dev.zanith.api.schema.Identity identity,
                                                   dev.zanith.api.schema.@Nullable Identity previous) {
        if (identity.sequence() != null) {
            return identity.sequence();
        }
        if (previous != null && previous.sequence() != null) {
            return previous.sequence();
        }
        long max = switch (columnType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return new SequenceOptions(columnType, 1, 1, 1, max, 1, false);
    }

    private static SchemaGraph removeColumn(SchemaGraph graph, TableName table, String column, boolean dropsDependents) {
        SchemaGraph without = table(graph, table, t -> {
            Table stripped = t.withColumns(t.columns().stream().filter(c -> !c.name().equals(column)).toList());
            // PostgreSQL drops what depends on a dropped column; a parked column keeps them, but Zanith hides both.
            stripped = stripped.withIndexes(stripped.indexes().stream().filter(i -> !mentions(i.keys(), i.include(), column)).toList())
                    .withUniqueConstraints(stripped.uniqueConstraints().stream().filter(u -> !u.columns().contains(column)
                            && !u.include().contains(column)).toList())
                    .withForeignKeys(stripped.foreignKeys().stream().filter(f -> !f.columns().contains(column)).toList());
            if (dropsDependents) {
                stripped = stripped.withCheckConstraints(stripped.checkConstraints().stream()
                        .filter(c -> !Expressions.renameIdentifier(c.expression(), column, "\u0000").contains("\u0000")).toList());
            }
            if (stripped.primaryKey() != null && stripped.primaryKey().columns().contains(column)) {
                stripped = stripped.withPrimaryKey(null);
            }
            return stripped;
        });
        return without.withSequences(without.sequences().stream().filter(s -> !(table.schema().equals(s.schema())
                && table.name().equals(s.ownedByTable()) && column.equals(s.ownedByColumn()))).toList());
    }

    private static boolean mentions(List<String> keys, List<String> include, String column) {
        return include.contains(column) || keys.stream()
                .anyMatch(k -> Expressions.renameIdentifier(k, column, "\u0000").contains("\u0000"));
    }

    private static SchemaGraph removeTable(SchemaGraph graph, TableName table, boolean dropsSequences) {
        SchemaGraph without = graph.withTables(graph.tables().stream().filter(t -> !t.qualifiedName().equals(table)).toList());
        return without.withSequences(without.sequences().stream().filter(s -> !(table.schema().equals(s.schema())
                && table.name().equals(s.ownedByTable()))).toList());
    }

    private static SchemaGraph renameTable(SchemaGraph graph, TableName table, String newName) {
        List<Table> tables = new ArrayList<>();
        for (Table t : graph.tables()) {
            Table renamed = t.qualifiedName().equals(table) ? t.withName(table.schema(), newName) : t;
            tables.add(renamed.withForeignKeys(renamed.foreignKeys().stream().map(fk -> fk.referenced().equals(table)
                    ? new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), newName, fk.referencedColumns(), fk.onUpdate(),
                    fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.validated()) : fk).toList()));
        }
        return graph.withTables(tables).withSequences(graph.sequences().stream()
                .map(s -> s.schema().equals(table.schema()) && table.name().equals(s.ownedByTable())
                        ? new Sequence(s.schema(), s.name(), s.options(), newName, s.ownedByColumn()) : s).toList());
    }

    private static SchemaGraph renameColumn(SchemaGraph graph, TableName table, String from, String to) {
        UnaryOperator<String> name = n -> n.equals(from) ? to : n;
        UnaryOperator<String> expr = e -> Expressions.renameIdentifier(e, from, to);
        List<Table> tables = new ArrayList<>();
        for (Table t : graph.tables()) {
            Table u = t;
            if (t.qualifiedName().equals(table)) {
                u = t.withColumns(t.columns().stream().map(c -> {
                    Column r = c.name().equals(from) ? c.withName(to) : c;
                    return r.generated() == null ? r : new Column(r.name(), r.type(), r.notNull(), r.defaultExpression(),
                            r.identity(), new GeneratedColumn(expr.apply(r.generated().expression()), r.generated().stored()),
                            r.collation(), r.comment());
                }).toList());
                PrimaryKey pk = u.primaryKey();
                u = u.withPrimaryKey(pk == null ? null : new PrimaryKey(pk.name(), pk.columns().stream().map(name).toList(),
                        pk.include().stream().map(name).toList(), pk.deferrable(), pk.initiallyDeferred()));
                u = u.withUniqueConstraints(u.uniqueConstraints().stream().map(x -> new UniqueConstraint(x.name(),
                        x.columns().stream().map(name).toList(), x.include().stream().map(name).toList(), x.nullsNotDistinct(),
                        x.deferrable(), x.initiallyDeferred())).toList());
                u = u.withCheckConstraints(u.checkConstraints().stream().map(c -> new CheckConstraint(c.name(),
                        expr.apply(c.expression()), c.validated(), c.noInherit())).toList());
                u = u.withIndexes(u.indexes().stream().map(i -> new Index(i.name(), i.unique(), i.method(),
                        i.keys().stream().map(expr).toList(), i.include().stream().map(name).toList(), i.nullsNotDistinct(),
                        expr.apply(i.predicate()), i.storageParameters(), i.valid())).toList());
                u = u.withPolicies(u.policies().stream().map(p -> new Policy(p.name(), p.command(), p.permissive(), p.roles(),
                        expr.apply(p.using()), expr.apply(p.withCheck()))).toList());
                u = u.withForeignKeys(u.foreignKeys().stream().map(f -> new ForeignKey(f.name(),
                        f.columns().stream().map(name).toList(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(),
                        f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated())).toList());
            }
            u = u.withForeignKeys(u.foreignKeys().stream().map(f -> f.referenced().equals(table) ? new ForeignKey(f.name(),
                    f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns().stream().map(name).toList(),
                    f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()) : f).toList());
            tables.add(u);
        }
        return graph.withTables(tables).withSequences(graph.sequences().stream()
                .map(s -> s.schema().equals(table.schema()) && table.name().equals(s.ownedByTable()) && from.equals(s.ownedByColumn())
                        ? new Sequence(s.schema(), s.name(), s.options(), s.ownedByTable(), to) : s).toList());
    }

    private static Table renameConstraint(Table t, String from, String to) {
        PrimaryKey pk = t.primaryKey();
        if (pk != null && pk.name().equals(from)) {
            return t.withPrimaryKey(new PrimaryKey(to, pk.columns(), pk.include(), pk.deferrable(), pk.initiallyDeferred()));
        }
        return t.withUniqueConstraints(t.uniqueConstraints().stream().map(u -> u.name().equals(from)
                        ? new UniqueConstraint(to, u.columns(), u.include(), u.nullsNotDistinct(), u.deferrable(), u.initiallyDeferred())
                        : u).toList())
                .withCheckConstraints(t.checkConstraints().stream().map(c -> c.name().equals(from)
                        ? new CheckConstraint(to, c.expression(), c.validated(), c.noInherit()) : c).toList())
                .withForeignKeys(t.foreignKeys().stream().map(f -> f.name().equals(from) ? new ForeignKey(to, f.columns(),
                        f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(),
                        f.deferrable(), f.initiallyDeferred(), f.validated()) : f).toList());
    }

    private static EnumType addValue(EnumType e, AddEnumValue o) {
        if (e.values().contains(o.value())) {
            return e;
        }
        List<String> values = new ArrayList<>(e.values());
        if (o.before() != null && values.contains(o.before())) {
            values.add(values.indexOf(o.before()), o.value());
        } else if (o.after() != null && values.contains(o.after())) {
            values.add(values.indexOf(o.after()) + 1, o.value());
        } else {
            values.add(o.value());
        }
        return new EnumType(e.schema(), e.name(), values, e.comment());
    }

    private static boolean isEnum(EnumType e, TableName name) {
        return e.schema().equals(name.schema()) && e.name().equals(name.name());
    }

    private static SchemaGraph table(SchemaGraph graph, TableName name, UnaryOperator<Table> change) {
        Optional<Table> table = graph.table(name);
        if (table.isEmpty()) {
            return graph; // the shadow shows what really happened; a missing table is drift, not a crash here
        }
        return graph.withTables(graph.tables().stream().map(t -> t == table.get() ? change.apply(t) : t).toList());
    }

    private static SchemaGraph column(SchemaGraph graph, TableName table, String column, UnaryOperator<Column> change) {
        return table(graph, table, t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals(column) ? change.apply(c) : c).toList()));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(Objects.requireNonNull(item));
        return copy;
    }

    private static String nextval(TableName sequence) {
        return "nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)";
    }
}
