package dev.zanith.internal.audit;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.Table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The edits that turn the stored JSON form ({@link SchemaGraphJson}) of one schema graph into that of the next, as
 * a jsonb expression for {@code audit/snapshot-derive.sql}: a top-level property whose value changed is set (or
 * removed when now empty, as the JSON form leaves empty lists out), and in {@code tables} each changed, new or gone
 * table is set, inserted or removed at its index. Only what changed is serialized.
 *
 * @param expression the jsonb expression on {@code s.graph}, with {@code ?} for each of {@code parameters}
 * @param parameters the paths ({@code text[]}) and values (jsonb text) of the edits, in placeholder order
 * @param edits      how many edits (each one pass over the stored graph on the server)
 */
record GraphChanges(String expression, List<Object> parameters, int edits) {

    private static final String TABLES = "tables";
    /** The graph's top-level properties: its record components, which Jackson writes under the same names. */
    private static final RecordComponent[] PROPERTIES = SchemaGraph.class.getRecordComponents();
    /** The order of the tables array: the graph's own (see SchemaGraph). */
    private static final Comparator<Table> ORDER = Comparator.comparing(Table::schema).thenComparing(Table::name);

    static GraphChanges between(SchemaGraph before, SchemaGraph after) {
        Edits edits = new Edits();
        for (RecordComponent property : PROPERTIES) {
            if (!property.getName().equals(TABLES)) {
                edits.property(property.getName(), value(property, before), value(property, after));
            }
        }
        if (before.tables().isEmpty() || after.tables().isEmpty()) {
            edits.property(TABLES, before.tables(), after.tables());
        } else {
            tables(before.tables(), after.tables(), edits);
        }
        return new GraphChanges(edits.expression, List.copyOf(edits.parameters), edits.count);
    }

    /**
     * The table edits, applied from the end of the earlier array to its start so that each index still points at
     * the earlier table it names: at each earlier index, the replacement or removal of that table, then the new
     * tables that sort before it (inserted last to first, so they end up in order).
     */
    private static void tables(List<Table> before, List<Table> after, Edits edits) {
        List<Runnable> inOrder = new ArrayList<>(); // earliest index first; applied reversed
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int cmp = i == before.size() ? 1 : j == after.size() ? -1 : ORDER.compare(before.get(i), after.get(j));
            int index = i;
            if (cmp == 0) {
                Table now = after.get(j);
                // the same instance when introspection did not read the table again: no deep comparison needed
                if (before.get(i) != now && !before.get(i).equals(now)) {
                    inOrder.add(() -> edits.set(path(TABLES, index), now));
                }
                i++;
                j++;
            } else if (cmp < 0) {
                inOrder.add(() -> edits.remove(path(TABLES, index)));
                i++;
            } else {
                Table added = after.get(j);
                inOrder.add(() -> edits.insertBefore(path(TABLES, index), added));
                j++;
            }
        }
        for (int k = inOrder.size() - 1; k >= 0; k--) {
            inOrder.get(k).run();
        }
    }

    private static List<String> path(String property, int index) {
        return List.of(property, Integer.toString(index));
    }

    private static Object value(RecordComponent property, SchemaGraph graph) {
        try {
            return property.getAccessor().invoke(graph);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property.getName() + " of a schema graph", e);
        }
    }

    /** The jsonb expression being built, innermost edit first. */
    private static final class Edits {
        private String expression = "s.graph";
        private final List<Object> parameters = new ArrayList<>();
        private int count;

        void property(String name, Object before, Object after) {
            if (Objects.equals(before, after)) {
                return;
            }
            if (after instanceof Collection<?> list && list.isEmpty()) {
                remove(List.of(name));
            } else {
                set(List.of(name), after);
            }
        }

        void set(List<String> path, Object value) {
            // create_missing adds a property the earlier graph left out (it was empty)
            edit("jsonb_set(", ", CAST(? AS text[]), CAST(? AS jsonb), true)", path, value);
        }

        void insertBefore(List<String> path, Object value) {
            // an index one past the end appends: jsonb_insert puts the value at the end of the array
            edit("jsonb_insert(", ", CAST(? AS text[]), CAST(? AS jsonb))", path, value);
        }

        void remove(List<String> path) {
            expression = "(" + expression + " #- CAST(? AS text[]))";
            parameters.add(path.toArray(String[]::new));
            count++;
        }

        private void edit(String function, String arguments, List<String> path, Object value) {
            expression = function + expression + arguments;
            parameters.add(path.toArray(String[]::new));
            parameters.add(SchemaGraphJson.partToCompactJson(value));
            count++;
        }
    }
}
