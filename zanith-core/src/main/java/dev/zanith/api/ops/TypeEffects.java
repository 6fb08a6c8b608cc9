package dev.zanith.api.ops;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.ExclusionConstraint;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@link SchemaEffect}'s part for domains, composite and range types, exclusion constraints and extended statistics,
 * and what table operations do to the last two (they follow a renamed table and go with a dropped one).
 */
final class TypeEffects {

    private TypeEffects() {
    }

    /** {@code graph} after {@code operation} when it is one of these kinds, else null. */
    static @Nullable SchemaGraph apply(SchemaGraph graph, Operation operation) {
        if (operation instanceof CreateDomain o) {
            return graph.domain(o.domain().schema(), o.domain().name()).isPresent() ? graph
                    : graph.withDomains(plus(graph.domains(), o.domain()));
        }
        if (operation instanceof DropDomain o) {
            return graph.withDomains(graph.domains().stream().filter(d -> !d.qualifiedName().equals(o.domain())).toList());
        }
        if (operation instanceof SetDomainDefault o) {
            return domain(graph, o.domain(), d -> d.withDefault(o.defaultExpression()));
        }
        if (operation instanceof SetDomainNotNull o) {
            return domain(graph, o.domain(), d -> d.withNotNull(o.notNull()));
        }
        if (operation instanceof AddDomainConstraint o) {
            DomainConstraint added = new DomainConstraint(o.constraint().name(), o.constraint().definition(), !o.notValid());
            return domain(graph, o.domain(), d -> d.constraints().stream().anyMatch(c -> c.name().equals(added.name())) ? d
                    : d.withConstraints(plus(d.constraints(), added)));
        }
        if (operation instanceof ValidateDomainConstraint o) {
            return domain(graph, o.domain(), d -> d.withConstraints(d.constraints().stream()
                    .map(c -> c.name().equals(o.name()) ? c.asValidated() : c).toList()));
        }
        if (operation instanceof DropDomainConstraint o) {
            return domain(graph, o.domain(), d -> d.withConstraints(d.constraints().stream()
                    .filter(c -> !c.name().equals(o.name())).toList()));
        }
        if (operation instanceof CreateCompositeType o) {
            return graph.compositeType(o.type().schema(), o.type().name()).isPresent() ? graph
                    : graph.withCompositeTypes(plus(graph.compositeTypes(), o.type()));
        }
        if (operation instanceof DropCompositeType o) {
            return graph.withCompositeTypes(graph.compositeTypes().stream()
                    .filter(t -> !t.qualifiedName().equals(o.type())).toList());
        }
        if (operation instanceof AddTypeAttribute o) {
            return composite(graph, o.type(), t -> t.attributes().stream().anyMatch(a -> a.name().equals(o.attribute().name()))
                    ? t : t.withAttributes(plus(t.attributes(), o.attribute())));
        }
        if (operation instanceof DropTypeAttribute o) {
            return composite(graph, o.type(), t -> t.withAttributes(t.attributes().stream()
                    .filter(a -> !a.name().equals(o.name())).toList()));
        }
        if (operation instanceof CreateRangeType o) {
            return graph.rangeTypes().stream().anyMatch(r -> r.qualifiedName().equals(o.type().qualifiedName())) ? graph
                    : graph.withRangeTypes(plus(graph.rangeTypes(), o.type()));
        }
        if (operation instanceof DropRangeType o) {
            return graph.withRangeTypes(graph.rangeTypes().stream().filter(r -> !r.qualifiedName().equals(o.type())).toList());
        }
        if (operation instanceof AddExclusionConstraint o) {
            boolean exists = graph.exclusionConstraints().stream().anyMatch(x -> x.qualifiedTable().equals(o.table())
                    && x.name().equals(o.name()));
            return exists || graph.table(o.table()).isEmpty() ? graph : graph.withExclusionConstraints(plus(
                    graph.exclusionConstraints(), new ExclusionConstraint(o.table().schema(), o.table().name(), o.name(),
                            o.definition())));
        }
        if (operation instanceof DropExclusionConstraint o) {
            return graph.withExclusionConstraints(graph.exclusionConstraints().stream()
                    .filter(x -> !(x.qualifiedTable().equals(o.table()) && x.name().equals(o.name()))).toList());
        }
        if (operation instanceof CreateStatistics o) {
            boolean exists = graph.statistics().stream().anyMatch(s -> s.qualifiedName().equals(o.statistics().qualifiedName()));
            return exists ? graph : graph.withStatistics(plus(graph.statistics(), o.statistics()));
        }
        if (operation instanceof DropStatistics o) {
            return graph.withStatistics(graph.statistics().stream().filter(s -> !s.qualifiedName().equals(o.statistics()))
                    .toList());
        }
        return null;
    }

    /**
     * What a table operation did to exclusion constraints and statistics: they follow a renamed table and go with a
     * table no longer in the graph (dropped, soft-dropped, archived).
     */
    static SchemaGraph afterTableChange(SchemaGraph before, SchemaGraph after, Operation operation) {
        if (after.exclusionConstraints().isEmpty() && after.statistics().isEmpty()) {
            return after;
        }
        SchemaGraph graph = after;
        if (operation instanceof RenameTable o && after != before) {
            TableName renamed = new TableName(o.table().schema(), o.newName());
            graph = graph.withExclusionConstraints(graph.exclusionConstraints().stream()
                    .map(x -> x.qualifiedTable().equals(o.table()) ? x.onTable(renamed) : x).toList());
        }
        SchemaGraph current = graph;
        return graph.withExclusionConstraints(graph.exclusionConstraints().stream()
                        .filter(x -> current.table(x.qualifiedTable()).isPresent()).toList())
                .withStatistics(graph.statistics().stream()
                        .filter(s -> current.table(s.qualifiedTable()).isPresent()).toList());
    }

    private static SchemaGraph domain(SchemaGraph graph, TableName name, UnaryOperator<Domain> change) {
        return graph.withDomains(graph.domains().stream().map(d -> d.qualifiedName().equals(name) ? change.apply(d) : d)
                .toList());
    }

    private static SchemaGraph composite(SchemaGraph graph, TableName name, UnaryOperator<CompositeType> change) {
        return graph.withCompositeTypes(graph.compositeTypes().stream()
                .map(t -> t.qualifiedName().equals(name) ? change.apply(t) : t).toList());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
