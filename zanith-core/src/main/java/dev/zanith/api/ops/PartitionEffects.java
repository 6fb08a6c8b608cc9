package dev.zanith.api.ops;

import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the partition operations do to a schema graph: {@link SchemaEffect}'s part for them. */
final class PartitionEffects {

    private PartitionEffects() {
    }

    /** The graph after {@code operation}, or empty when it is not a partition operation. */
    static Optional<SchemaGraph> apply(SchemaGraph graph, Operation operation) {
        if (operation instanceof CreatePartition o) {
            return Optional.of(partitioning(graph, o.parent(), p -> p.partition(o.partition().qualifiedName()).isPresent()
                    ? p : p.with(o.partition())));
        }
        if (operation instanceof DropPartition o) {
            return Optional.of(partitioning(graph, o.parent(), p -> p.without(o.partition().qualifiedName())));
        }
        if (operation instanceof AttachPartition o) {
            TableName name = o.partition().qualifiedName();
            SchemaGraph attached = partitioning(graph, o.parent(), p -> p.with(o.partition()));
            return Optional.of(attached.withTables(attached.tables().stream()
                    .filter(t -> !t.qualifiedName().equals(name)).toList()));
        }
        if (operation instanceof DetachPartition o) {
            return Optional.of(detach(graph, o));
        }
        if (operation instanceof AddPartitionedIndex o) {
            return Optional.of(graph.withTables(graph.tables().stream().map(t -> !t.qualifiedName().equals(o.table())
                    || t.indexes().stream().anyMatch(i -> i.name().equals(o.index().name())) ? t
                    : t.withIndexes(plus(t.indexes(), o.index()))).toList()));
        }
        return Optional.empty();
    }

    /**
     * The partition leaves its parent and becomes a table of the graph with the columns, CHECK and foreign key
     * constraints it carried as a partition. Its indexes and unique constraints stay too, under names the server chose
     * when they were created per partition: the model leaves them out, and a re-introspection shows them.
     */
    private static SchemaGraph detach(SchemaGraph graph, DetachPartition o) {
        TableName name = o.partition().qualifiedName();
        Optional<Table> top = topOf(graph, o.parent());
        SchemaGraph detached = partitioning(graph, o.parent(), p -> p.without(name));
        if (top.isEmpty() || detached.table(name).isPresent()) {
            return detached;
        }
        Table parent = top.get();
        Table table = new Table(name.schema(), name.name(), parent.unlogged(), parent.columns(), null, List.of(),
                parent.checkConstraints().stream().filter(c -> !c.noInherit()).map(CheckConstraint::asValidated).toList(),
                parent.foreignKeys(), List.of(), false, false, List.of(), null,
                o.partition().partitioning(), List.of());
        return detached.withTables(plus(detached.tables(), table));
    }

    /** The top-level table whose partition tree holds {@code name} (or that is {@code name}). */
    private static Optional<Table> topOf(SchemaGraph graph, TableName name) {
        return graph.tables().stream().filter(t -> t.qualifiedName().equals(name) || (t.partitioning() != null
                && t.partitioning().descendants().stream().anyMatch(p -> p.qualifiedName().equals(name)))).findFirst();
    }

    /** Changes the partitioning of {@code parent}, a partitioned table or a partition partitioned in turn. */
    private static SchemaGraph partitioning(SchemaGraph graph, TableName parent, UnaryOperator<Partitioning> change) {
        return graph.withTables(graph.tables().stream().map(t -> {
            if (t.partitioning() == null) {
                return t;
            }
            return t.withPartitioning(t.qualifiedName().equals(parent) ? change.apply(t.partitioning())
                    : nested(t.partitioning(), parent, change));
        }).toList());
    }

    private static Partitioning nested(Partitioning partitioning, TableName parent, UnaryOperator<Partitioning> change) {
        List<Partition> partitions = new ArrayList<>();
        for (Partition p : partitioning.partitions()) {
            if (p.partitioning() == null) {
                partitions.add(p);
            } else {
                Partitioning inner = p.qualifiedName().equals(parent) ? change.apply(p.partitioning())
                        : nested(p.partitioning(), parent, change);
                partitions.add(p.withPartitioning(inner));
            }
        }
        return new Partitioning(partitioning.key(), partitions);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
