package dev.zanith.internal.diff;

import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.CreateMaterializedView;
import dev.zanith.api.ops.CreateView;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropMaterializedView;
import dev.zanith.api.ops.DropView;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RefreshMaterializedView;
import dev.zanith.api.ops.ReplaceView;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The differ's part for views and materialized views. Views are dropped before every table change and created after
 * all of them, each group in dependency order (from the views' {@code dependsOn}, read from {@code pg_depend} on
 * {@code pg_rewrite}): a view is dropped before the views it reads, and created after them.
 * <ul>
 *   <li>A plain view whose definition or options change gets {@code CREATE OR REPLACE VIEW} when PostgreSQL allows it
 *       (its columns keep their names and types and new ones are only appended); otherwise it is dropped and
 *       created again. A materialized view has no {@code OR REPLACE}: it is dropped and created again (WITH DATA
 *       recomputes its rows).</li>
 *   <li>A view is also dropped first and created again after when something under it changes in a way the server
 *       refuses while it exists: a table it reads goes away (dropped, parked, renamed), or a column it uses goes away
 *       or changes type or collation, or a routine it calls ({@code routines}) is dropped, or dropped and created
 *       again (see {@link RoutineDiff#dropped}); and so is every view that reads a view dropped this way. Views are
 *       dropped before the routine diff's drops and created after its creates, so they bind to the new routine.</li>
 *   <li>A materialized view declared populated that is not gets a {@code REFRESH}; one declared {@code WITH NO DATA}
 *       that holds rows is left as it is (emptying it is never what a migration should do unasked).</li>
 *   <li>Index changes on a materialized view that stays are built and dropped {@code CONCURRENTLY}.</li>
 *   <li>The comments on a view's columns are {@code COMMENT ON COLUMN} steps after its create or replace: a view
 *       created, or dropped and created again, gets every one it declares; one replaced in place or left as it is
 *       (whose columns keep theirs) gets those that differ, {@code IS NULL} for one no longer declared.</li>
 * </ul>
 */
final class ViewDiff {

    /**
     * What runs before the table changes (drops) and after them (creates, replaces, indexes, comments, refreshes).
     * The comments on a view's columns follow its create or replace: dropping a view loses them.
     */
    record Result(List<Operation> before, List<Operation> after) {
    }

    private ViewDiff() {
    }

    static Result diff(SchemaGraph from, SchemaGraph to) {
        Map<TableName, View> old = byName(from.views());
        Map<TableName, View> declared = byName(to.views());
        Set<TableName> dropped = new TreeSet<>();
        Set<TableName> replaced = new TreeSet<>();
        Set<String> goneRoutines = RoutineDiff.dropped(from, to);
        for (View view : old.values()) {
            View wanted = declared.get(view.qualifiedName());
            if (wanted == null || view.materialized() != wanted.materialized() || forced(view, from, to)
                    // the server refuses DROP FUNCTION while a view's rule calls it (pg_depend, not the text)
                    || view.routines().stream().anyMatch(goneRoutines::contains)) {
                dropped.add(view.qualifiedName());
            } else if (!sameQuery(view, wanted)) {
                if (!view.materialized() && replaceable(view, wanted)) {
                    replaced.add(view.qualifiedName());
                } else {
                    dropped.add(view.qualifiedName());
                }
            }
        }
        // Whatever reads a dropped view goes too (DROP VIEW is RESTRICT), and comes back after it.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View view : old.values()) {
                if (!dropped.contains(view.qualifiedName()) && view.dependsOn().stream()
                        .anyMatch(d -> dropped.contains(d.relation()))) {
                    dropped.add(view.qualifiedName());
                    replaced.remove(view.qualifiedName());
                    grew = true;
                }
            }
        }

        List<Operation> before = new ArrayList<>();
        for (View view : dependencyOrder(old, dropped, true)) {
            before.add(view.materialized() ? new DropMaterializedView(view.qualifiedName(), view)
                    : new DropView(view.qualifiedName(), view));
        }
        Set<TableName> created = new TreeSet<>();
        for (View view : declared.values()) {
            if (!old.containsKey(view.qualifiedName()) || dropped.contains(view.qualifiedName())
                    || replaced.contains(view.qualifiedName())) {
                created.add(view.qualifiedName());
            }
        }
        List<Operation> after = new ArrayList<>();
        for (View view : dependencyOrder(declared, created, false)) {
            TableName name = view.qualifiedName();
            if (replaced.contains(name)) {
                after.add(new ReplaceView(view, old.get(name)));
                columnComments(old.get(name), view, after);
            } else {
                after.add(view.materialized() ? new CreateMaterializedView(view) : new CreateView(view));
                columnComments(null, view, after);
            }
        }
        for (View view : declared.values()) {
            View live = old.get(view.qualifiedName());
            if (live != null && !created.contains(view.qualifiedName())) {
                changesInPlace(live, view, after);
            }
        }
        return new Result(before, after);
    }

    /** Comments (on it and on its columns), indexes and the populated state of a view that stays. */
    private static void changesInPlace(View live, View view, List<Operation> out) {
        TableName name = view.qualifiedName();
        if (live.withNoData() && !view.withNoData()) {
            out.add(new RefreshMaterializedView(name, false));
        }
        for (Index index : live.indexes()) {
            Optional<Index> wanted = view.index(index.name());
            if (wanted.isEmpty() || !wanted.get().asValid().equals(index.asValid()) || !index.valid()) {
                out.add(new DropIndex(name, index.name(), index, true));
            }
        }
        for (Index index : view.indexes()) {
            Optional<Index> existing = live.index(index.name());
            if (existing.isEmpty() || !existing.get().asValid().equals(index.asValid()) || !existing.get().valid()) {
                out.add(new AddIndex(name, index, true));
            }
        }
        if (!Objects.equals(live.comment(), view.comment())) {
            out.add(new SetComment(view.materialized() ? SetComment.MATERIALIZED_VIEW : SetComment.VIEW, name, null,
                    view.comment(), live.comment()));
        }
        columnComments(live, view, out);
    }

    /**
     * The comments on {@code view}'s columns that differ from those it has once created, replaced or left in place:
     * those of {@code kept}'s columns of the same names (a view left in place, or replaced in place: CREATE OR REPLACE
     * keeps them), or none ({@code kept} null: a view created, or dropped and created again, has none).
     */
    private static void columnComments(@Nullable View kept, View view, List<Operation> out) {
        for (View.ViewColumn column : view.columns()) {
            String has = kept == null ? null : kept.columnComment(column.name());
            if (!Objects.equals(has, column.comment())) {
                out.add(new SetComment("column", view.qualifiedName(), column.name(), column.comment(), has));
            }
        }
    }

    /** Whether the same query with the same options (what CREATE [OR REPLACE] sets) is declared. */
    private static boolean sameQuery(View live, View wanted) {
        return live.definition().equals(wanted.definition()) && live.options().equals(wanted.options())
                && live.columnShapes().equals(wanted.columnShapes());
    }

    /** CREATE OR REPLACE VIEW keeps every existing column (name and type, in place) and may only append. */
    static boolean replaceable(View live, View wanted) {
        return wanted.columns().size() >= live.columns().size()
                && wanted.columnShapes().subList(0, live.columns().size()).equals(live.columnShapes());
    }

    /**
     * Whether a change under {@code view} is refused by the server while the view exists: a table it reads is gone
     * from the declared schema, or a column it uses is gone, changes type or collation, or is dropped and added again
     * (a generated column, see {@link RoutineDiff#readded}).
     */
    static boolean forced(View view, SchemaGraph from, SchemaGraph to) {
        for (View.ViewDependency dependency : view.dependsOn()) {
            Optional<Table> table = from.table(dependency.relation());
            if (table.isEmpty()) {
                continue; // a view (handled by the closure) or a relation outside the introspected schemas
            }
            Optional<Table> wanted = to.table(dependency.relation());
            if (wanted.isEmpty()) {
                return true;
            }
            for (String name : dependency.columns()) {
                Optional<Column> column = table.get().column(name);
                Optional<Column> declared = wanted.get().column(name);
                if (column.isPresent() && (declared.isEmpty() || !column.get().type().equals(declared.get().type())
                        || !Objects.equals(column.get().collation(), declared.get().collation())
                        || RoutineDiff.readded(column.get(), declared.get(), from, to))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The views of {@code names} in dependency order over {@code graph}'s views: each after the views it reads, or
     * (for drops, {@code reversed}) each before them. Ties break by name, so the order is deterministic.
     */
    private static List<View> dependencyOrder(Map<TableName, View> graph, Set<TableName> names, boolean reversed) {
        List<View> ordered = new ArrayList<>();
        Set<TableName> pending = new TreeSet<>(names);
        while (!pending.isEmpty()) {
            TableName next = null;
            for (TableName name : pending) {
                View view = graph.get(name);
                boolean ready = reversed
                        // dropped only when no pending view still reads it
                        ? pending.stream().filter(other -> !other.equals(name)).noneMatch(other -> reads(graph.get(other), name))
                        : view.dependsOn().stream().map(View.ViewDependency::relation)
                        .noneMatch(d -> !d.equals(name) && pending.contains(d));
                if (ready) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                next = pending.iterator().next(); // a cycle cannot exist between views; keep going deterministically
            }
            pending.remove(next);
            ordered.add(graph.get(next));
        }
        return ordered;
    }

    private static boolean reads(View view, TableName relation) {
        return view.dependsOn().stream().anyMatch(d -> d.relation().equals(relation));
    }

    private static Map<TableName, View> byName(List<View> views) {
        Map<TableName, View> out = new TreeMap<>();
        views.forEach(v -> out.put(v.qualifiedName(), v));
        return out;
    }
}
