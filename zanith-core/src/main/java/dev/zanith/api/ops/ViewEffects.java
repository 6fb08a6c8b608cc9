package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link SchemaEffect}'s part for views and materialized views: the view operations, comments on views and on their
 * columns, and the index operations whose target is a materialized view. A view created has no column comments (its
 * operation's view has none); one replaced in place keeps those of the columns it keeps, as the server does.
 */
final class ViewEffects {

    private ViewEffects() {
    }

    /** {@code graph} after {@code operation}, or empty when the operation is not about a view. */
    static Optional<SchemaGraph> apply(SchemaGraph graph, Operation operation) {
        if (operation instanceof CreateView o) {
            return Optional.of(create(graph, o.view()));
        }
        if (operation instanceof CreateMaterializedView o) {
            return Optional.of(create(graph, o.view().withIndexes(o.view().indexes().stream().map(Index::asValid).toList())));
        }
        if (operation instanceof ReplaceView o) {
            Optional<View> live = graph.view(o.view().qualifiedName());
            return Optional.of(live.isEmpty() ? graph
                    : graph.withViews(plus(without(graph, o.view().qualifiedName()),
                    o.view().withColumnCommentsOf(live.get()))));
        }
        if (operation instanceof DropView o) {
            return Optional.of(graph.withViews(without(graph, o.view())));
        }
        if (operation instanceof DropMaterializedView o) {
            return Optional.of(graph.withViews(without(graph, o.view())));
        }
        if (operation instanceof RefreshMaterializedView o) {
            return Optional.of(view(graph, o.view(), v -> v.withPopulated(true)));
        }
        if (operation instanceof SetComment o && (o.on().equals(SetComment.VIEW) || o.on().equals(SetComment.MATERIALIZED_VIEW))) {
            return Optional.of(view(graph, o.object(), v -> v.withComment(o.comment())));
        }
        if (operation instanceof SetComment o && o.on().equals("column") && graph.view(o.object()).isPresent()) {
            return Optional.of(view(graph, o.object(), v -> v.withColumnComment(o.column(), o.comment())));
        }
        if (operation instanceof AddIndex o && graph.view(o.table()).isPresent()) {
            return Optional.of(view(graph, o.table(), v -> v.index(o.index().name()).isPresent() ? v
                    : v.withIndexes(plus(v.indexes(), o.index().asValid()))));
        }
        if (operation instanceof DropIndex o && graph.view(o.table()).isPresent()) {
            return Optional.of(view(graph, o.table(), v -> v.withIndexes(v.indexes().stream()
                    .filter(i -> !i.name().equals(o.name())).toList())));
        }
        if (operation instanceof RenameIndex o && graph.view(o.table()).isPresent()) {
            return Optional.of(view(graph, o.table(), v -> v.withIndexes(v.indexes().stream()
                    .map(i -> i.name().equals(o.name()) ? i.withName(o.newName()) : i).toList())));
        }
        return Optional.empty();
    }

    private static SchemaGraph create(SchemaGraph graph, View view) {
        return graph.view(view.qualifiedName()).isPresent() ? graph : graph.withViews(plus(graph.views(), view));
    }

    private static SchemaGraph view(SchemaGraph graph, TableName name, UnaryOperator<View> change) {
        return graph.withViews(graph.views().stream().map(v -> v.qualifiedName().equals(name) ? change.apply(v) : v).toList());
    }

    private static List<View> without(SchemaGraph graph, TableName name) {
        return graph.views().stream().filter(v -> !v.qualifiedName().equals(name)).toList();
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
