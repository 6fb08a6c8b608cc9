package dev.zanith.risk;

import dev.zanith.ops.AddCheckConstraint;
import dev.zanith.ops.AddColumn;
import dev.zanith.ops.AddForeignKey;
import dev.zanith.ops.AddIndex;
import dev.zanith.ops.AddPrimaryKey;
import dev.zanith.ops.AddUniqueConstraint;
import dev.zanith.ops.AlterColumnType;
import dev.zanith.ops.ArchiveColumn;
import dev.zanith.ops.ArchiveTable;
import dev.zanith.ops.CreateEnum;
import dev.zanith.ops.CreateExtension;
import dev.zanith.ops.CreatePolicy;
import dev.zanith.ops.CreateTable;
import dev.zanith.ops.DisableRls;
import dev.zanith.ops.DropCheckConstraint;
import dev.zanith.ops.DropColumn;
import dev.zanith.ops.DropDefault;
import dev.zanith.ops.DropEnum;
import dev.zanith.ops.DropExtension;
import dev.zanith.ops.DropForeignKey;
import dev.zanith.ops.DropIndex;
import dev.zanith.ops.DropNotNull;
import dev.zanith.ops.DropPolicy;
import dev.zanith.ops.DropPrimaryKey;
import dev.zanith.ops.DropTable;
import dev.zanith.ops.DropUniqueConstraint;
import dev.zanith.ops.EnableRls;
import dev.zanith.ops.Operation;
import dev.zanith.ops.RenameColumn;
import dev.zanith.ops.RenameIndex;
import dev.zanith.ops.RenameTable;
import dev.zanith.ops.SetDefault;
import dev.zanith.ops.SetNotNull;
import dev.zanith.ops.SoftDropColumn;
import dev.zanith.ops.SoftDropTable;
import dev.zanith.ops.ValidateConstraint;
import dev.zanith.schema.CheckConstraint;
import dev.zanith.schema.Column;
import dev.zanith.schema.EnumType;
import dev.zanith.schema.Extension;
import dev.zanith.schema.ForeignKey;
import dev.zanith.schema.SchemaGraph;
import dev.zanith.schema.Table;
import dev.zanith.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the schema looks like after an operation, as far as risk cares: tables, columns with type,
 * nullability and default, constraints with their validity, indexes, row level security and policies. An
 * operation on something that does not exist leaves the graph as it is (the planner reports it elsewhere).
 */
final class Projection {

    private Projection() {
    }

    static SchemaGraph apply(SchemaGraph g, Operation op) {
        if (op instanceof CreateTable create) {
            if (g.table(create.target()).isPresent()) {
                return g;
            }
            List<Table> tables = new ArrayList<>(g.tables());
            tables.add(create.table());
            return g.withTables(tables);
        }
        if (op instanceof DropTable || op instanceof SoftDropTable || op instanceof ArchiveTable) {
            return g.withTables(g.tables().stream().filter(t -> !t.qualifiedName().equals(op.target())).toList());
        }
        if (op instanceof RenameTable rename) {
            return table(g, rename.table(), t -> t.withName(t.schema(), rename.newName()));
        }
        if (op instanceof AddColumn add) {
            return table(g, add.table(), t -> t.column(add.column().name()).isPresent() ? t
                    : t.withColumns(append(t.columns(), add.column())));
        }
        if (op instanceof DropColumn || op instanceof SoftDropColumn || op instanceof ArchiveColumn) {
            String column = op instanceof DropColumn d ? d.column()
                    : op instanceof SoftDropColumn s ? s.column() : ((ArchiveColumn) op).column();
            return table(g, op.target(), t -> t.withColumns(t.columns().stream()
                    .filter(c -> !c.name().equals(column)).toList()));
        }
        if (op instanceof RenameColumn rename) {
            return column(g, rename.table(), rename.column(), c -> c.withName(rename.newName()));
        }
        if (op instanceof AlterColumnType alter) {
            return column(g, alter.table(), alter.column(), c -> c.withType(alter.type()));
        }
        if (op instanceof SetNotNull set) {
            return column(g, set.table(), set.column(), c -> c.withNotNull(true));
        }
        if (op instanceof DropNotNull drop) {
            return column(g, drop.table(), drop.column(), c -> c.withNotNull(false));
        }
        if (op instanceof SetDefault set) {
            return column(g, set.table(), set.column(), c -> c.withDefault(set.expression()));
        }
        if (op instanceof DropDefault drop) {
            return column(g, drop.table(), drop.column(), c -> c.withDefault(null));
        }
        if (op instanceof AddCheckConstraint add) {
            CheckConstraint check = new CheckConstraint(add.constraint().name(), add.constraint().expression(),
                    !add.notValid(), add.constraint().noInherit());
            return table(g, add.table(), t -> t.withCheckConstraints(append(t.checkConstraints(), check)));
        }
        if (op instanceof DropCheckConstraint drop) {
            return table(g, drop.table(), t -> t.withCheckConstraints(t.checkConstraints().stream()
                    .filter(c -> !c.name().equals(drop.name())).toList()));
        }
        if (op instanceof AddForeignKey add) {
            ForeignKey fk = add.notValid() ? notValid(add.foreignKey()) : add.foreignKey();
            return table(g, add.table(), t -> t.withForeignKeys(append(t.foreignKeys(), fk)));
        }
        if (op instanceof DropForeignKey drop) {
            return table(g, drop.table(), t -> t.withForeignKeys(t.foreignKeys().stream()
                    .filter(f -> !f.name().equals(drop.name())).toList()));
        }
        if (op instanceof ValidateConstraint validate) {
            return table(g, validate.table(), t -> t
                    .withCheckConstraints(t.checkConstraints().stream().map(c -> c.name().equals(validate.name())
                            ? c.asValidated() : c).toList())
                    .withForeignKeys(t.foreignKeys().stream().map(f -> f.name().equals(validate.name())
                            ? f.asValidated() : f).toList()));
        }
        if (op instanceof AddUniqueConstraint add) {
            return table(g, add.table(), t -> withoutIndex(t, add.usingIndex())
                    .withUniqueConstraints(append(t.uniqueConstraints(), add.constraint())));
        }
        if (op instanceof DropUniqueConstraint drop) {
            return table(g, drop.table(), t -> t.withUniqueConstraints(t.uniqueConstraints().stream()
                    .filter(u -> !u.name().equals(drop.name())).toList()));
        }
        if (op instanceof AddPrimaryKey add) {
            return table(g, add.table(), t -> withoutIndex(t, add.usingIndex()).withPrimaryKey(add.primaryKey())
                    .withColumns(t.columns().stream().map(c -> add.primaryKey().columns().contains(c.name())
                            ? c.withNotNull(true) : c).toList()));
        }
        if (op instanceof DropPrimaryKey) {
            return table(g, op.target(), t -> t.withPrimaryKey(null));
        }
        if (op instanceof AddIndex add) {
            return table(g, add.table(), t -> t.indexes().stream().anyMatch(i -> i.name().equals(add.index().name()))
                    ? t : t.withIndexes(append(t.indexes(), add.index())));
        }
        if (op instanceof DropIndex drop) {
            return table(g, drop.table(), t -> withoutIndex(t, drop.name()));
        }
        if (op instanceof RenameIndex rename) {
            return table(g, rename.table(), t -> t.withIndexes(t.indexes().stream()
                    .map(i -> i.name().equals(rename.name()) ? i.withName(rename.newName()) : i).toList()));
        }
        if (op instanceof EnableRls enable) {
            return table(g, enable.table(), t -> t.withRowLevelSecurity(true, enable.force()));
        }
        if (op instanceof DisableRls disable) {
            return table(g, disable.table(), t -> t.withRowLevelSecurity(false, false));
        }
        if (op instanceof CreatePolicy create) {
            return table(g, create.table(), t -> t.withPolicies(append(t.policies(), create.policy())));
        }
        if (op instanceof DropPolicy drop) {
            return table(g, drop.table(), t -> t.withPolicies(t.policies().stream()
                    .filter(p -> !p.name().equals(drop.name())).toList()));
        }
        if (op instanceof CreateExtension create && g.extensions().stream().noneMatch(e -> e.name().equals(create.name()))) {
            return g.withExtensions(append(g.extensions(), new Extension(create.name(),
                    create.schema() == null ? "public" : create.schema(), null)));
        }
        if (op instanceof DropExtension drop) {
            return g.withExtensions(g.extensions().stream().filter(e -> !e.name().equals(drop.name())).toList());
        }
        if (op instanceof CreateEnum create) {
            EnumType type = create.enumType();
            return g.enumType(type.schema(), type.name()).isPresent() ? g : g.withEnums(append(g.enums(), type));
        }
        if (op instanceof DropEnum drop) {
            return g.withEnums(g.enums().stream().filter(e -> !(e.schema().equals(drop.enumType().schema())
                    && e.name().equals(drop.enumType().name()))).toList());
        }
        return g;
    }

    private static SchemaGraph table(SchemaGraph g, TableName name, UnaryOperator<Table> change) {
        if (g.table(name).isEmpty()) {
            return g;
        }
        try {
            return g.withTables(g.tables().stream().map(t -> t.qualifiedName().equals(name) ? change.apply(t) : t)
                    .toList());
        } catch (IllegalArgumentException e) {
            return g; // e.g. a rename onto an existing column: the step fails at apply, the projection stays put
        }
    }

    private static SchemaGraph column(SchemaGraph g, TableName table, String column, UnaryOperator<Column> change) {
        return table(g, table, t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals(column) ? change.apply(c) : c).toList()));
    }

    private static Table withoutIndex(Table t, String index) {
        return index == null ? t : t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(index)).toList());
    }

    private static ForeignKey notValid(ForeignKey fk) {
        return new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                fk.referencedColumns(), fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(),
                fk.initiallyDeferred(), false);
    }

    private static <T> List<T> append(List<T> list, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }
}
