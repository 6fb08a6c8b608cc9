package dev.zanith.api.output;

import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Extension;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two schema snapshots, in the seeds' words: which models (tables) and fields (columns)
 * were added, removed or changed, plus the table-level details (keys, indexes, constraints, policies) and the
 * schema-level objects (enums, extensions) that moved.
 *
 * @param models  changed models, ordered by qualified name
 * @param others  schema-level changes, one line each ("enum public.mood: added")
 */
public record SnapshotDiff(List<ModelChange> models, List<String> others) {

    /** Whether something was added, removed or changed. */
    public enum Change {
        ADDED, REMOVED, CHANGED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A field (column) that changed; {@code before}/{@code after} describe it, null on the side it is missing. */
    public record FieldChange(String field, Change change, @Nullable String before, @Nullable String after) {
    }

    /**
     * A model (table) that changed.
     *
     * @param details table-level changes other than fields: "index users_email_idx: added"
     */
    public record ModelChange(String model, Change change, List<FieldChange> fields, List<String> details) {

        public ModelChange {
            fields = List.copyOf(fields);
            details = List.copyOf(details);
        }
    }

    public SnapshotDiff {
        models = List.copyOf(models);
        others = List.copyOf(others);
    }

    public boolean isEmpty() {
        return models.isEmpty() && others.isEmpty();
    }

    /** Changes from {@code from} to {@code to}. */
    public static SnapshotDiff between(SchemaGraph from, SchemaGraph to) {
        Map<String, Table> before = byName(from.tables(), t -> t.schema() + "." + t.name());
        Map<String, Table> after = byName(to.tables(), t -> t.schema() + "." + t.name());
        List<ModelChange> models = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(union(before.keySet(), after.keySet()))) {
            Table a = before.get(name);
            Table b = after.get(name);
            if (a == null) {
                models.add(new ModelChange(name, Change.ADDED, fields(List.of(), b.columns()), List.of()));
            } else if (b == null) {
                models.add(new ModelChange(name, Change.REMOVED, fields(a.columns(), List.of()), List.of()));
            } else if (!a.equals(b)) {
                List<FieldChange> fields = fields(a.columns(), b.columns());
                List<String> details = details(a, b);
                if (!fields.isEmpty() || !details.isEmpty()) {
                    models.add(new ModelChange(name, Change.CHANGED, fields, details));
                } else {
                    models.add(new ModelChange(name, Change.CHANGED, fields, List.of("column order changed")));
                }
            }
        }
        List<String> others = new ArrayList<>();
        compare(others, "schema", byName(from.schemas(), s -> s), byName(to.schemas(), s -> s), s -> s);
        compare(others, "extension", byName(from.extensions(), Extension::name), byName(to.extensions(), Extension::name),
                e -> e.name() + " " + e.version());
        compare(others, "enum", byName(from.enums(), e -> e.schema() + "." + e.name()),
                byName(to.enums(), e -> e.schema() + "." + e.name()), e -> "(" + String.join(", ", e.values()) + ")");
        compare(others, "sequence", byName(from.sequences(), s -> s.schema() + "." + s.name()),
                byName(to.sequences(), s -> s.schema() + "." + s.name()), s -> s.options().toString());
        compare(others, "view", byName(from.views(), v -> v.schema() + "." + v.name()),
                byName(to.views(), v -> v.schema() + "." + v.name()), SnapshotDiff::describe);
        compare(others, "routine", byName(from.routines(), dev.zanith.api.schema.Routine::signature),
                byName(to.routines(), dev.zanith.api.schema.Routine::signature),
                r -> r.kind() + " (" + r.language() + ")");
        compare(others, "trigger", byName(from.triggers(), t -> t.qualifiedTable() + "." + t.name()),
                byName(to.triggers(), t -> t.qualifiedTable() + "." + t.name()),
                t -> "executing " + t.function() + " (" + t.enabled() + ")");
        compare(others, "event trigger", byName(from.eventTriggers(), dev.zanith.api.schema.EventTrigger::name),
                byName(to.eventTriggers(), dev.zanith.api.schema.EventTrigger::name),
                e -> "on " + e.event() + " executing " + e.function() + " (" + e.enabled() + ")");
        return new SnapshotDiff(models, others);
    }

    /**
     * One line per view: {@code (materialized view) SELECT ... [WITH (...)] [indexes: a, b] [WITH NO DATA]
     * [column comments: a -- text, b -- text] -- comment}.
     */
    public static String describe(dev.zanith.api.schema.View view) {
        StringBuilder out = new StringBuilder("(").append(view.kindName()).append(") ")
                .append(view.definition().replaceAll("\\s+", " "));
        if (!view.options().isEmpty()) {
            out.append(" WITH (").append(String.join(", ", view.options())).append(')');
        }
        if (!view.indexes().isEmpty()) {
            out.append(" [indexes: ").append(view.indexes().stream().map(dev.zanith.api.schema.Index::name)
                    .collect(java.util.stream.Collectors.joining(", "))).append(']');
        }
        if (view.withNoData()) {
            out.append(" WITH NO DATA");
        }
        String columnComments = view.columns().stream().filter(c -> c.comment() != null)
                .map(c -> c.name() + " -- " + c.comment()).collect(java.util.stream.Collectors.joining(", "));
        if (!columnComments.isEmpty()) {
            out.append(" [column comments: ").append(columnComments).append(']');
        }
        if (view.comment() != null) {
            out.append(" -- ").append(view.comment());
        }
        return out.toString();
    }

    /** One line per column: {@code bigint NOT NULL DEFAULT 0}. */
    public static String describe(Column column) {
        StringBuilder out = new StringBuilder(column.type());
        if (column.notNull()) {
            out.append(" NOT NULL");
        }
        if (column.defaultExpression() != null) {
            out.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.identity() != null) {
            out.append(" GENERATED ").append(column.identity().generation()).append(" AS IDENTITY");
        }
        if (column.generated() != null) {
            out.append(" GENERATED ALWAYS AS (").append(column.generated().expression()).append(")")
                    .append(column.generated().stored() ? " STORED" : " VIRTUAL");
        }
        if (column.collation() != null) {
            out.append(" COLLATE ").append(column.collation());
        }
        if (column.comment() != null) {
            out.append(" -- ").append(column.comment());
        }
        return out.toString();
    }

    private static List<FieldChange> fields(List<Column> from, List<Column> to) {
        Map<String, Column> before = byName(from, Column::name);
        Map<String, Column> after = byName(to, Column::name);
        List<FieldChange> changes = new ArrayList<>();
        for (String name : union(before.keySet(), after.keySet())) {
            Column a = before.get(name);
            Column b = after.get(name);
            if (a == null) {
                changes.add(new FieldChange(name, Change.ADDED, null, describe(b)));
            } else if (b == null) {
                changes.add(new FieldChange(name, Change.REMOVED, describe(a), null));
            } else if (!a.equals(b)) {
                changes.add(new FieldChange(name, Change.CHANGED, describe(a), describe(b)));
            }
        }
        return changes;
    }

    private static List<String> details(Table a, Table b) {
        List<String> details = new ArrayList<>();
        if (!Objects.equals(a.primaryKey(), b.primaryKey())) {
            details.add("primary key: " + (a.primaryKey() == null ? "none" : String.join(", ", a.primaryKey().columns()))
                    + " -> " + (b.primaryKey() == null ? "none" : String.join(", ", b.primaryKey().columns())));
        }
        compare(details, "index", byName(a.indexes(), i -> i.name()), byName(b.indexes(), i -> i.name()),
                i -> (i.unique() ? "unique " : "") + "(" + String.join(", ", i.keys()) + ")");
        compare(details, "unique constraint", byName(a.uniqueConstraints(), u -> u.name()),
                byName(b.uniqueConstraints(), u -> u.name()), u -> "(" + String.join(", ", u.columns()) + ")");
        compare(details, "check constraint", byName(a.checkConstraints(), c -> c.name()),
                byName(b.checkConstraints(), c -> c.name()), c -> c.expression() + (c.validated() ? "" : " NOT VALID"));
        compare(details, "foreign key", byName(a.foreignKeys(), f -> f.name()), byName(b.foreignKeys(), f -> f.name()),
                f -> "(" + String.join(", ", f.columns()) + ") -> " + f.referencedSchema() + "." + f.referencedTable());
        compare(details, "policy", byName(a.policies(), p -> p.name()), byName(b.policies(), p -> p.name()),
                p -> p.command());
        if (a.rlsEnabled() != b.rlsEnabled() || a.rlsForced() != b.rlsForced()) {
            details.add("row level security: " + rls(a) + " -> " + rls(b));
        }
        if (a.unlogged() != b.unlogged()) {
            details.add(b.unlogged() ? "now unlogged" : "now logged");
        }
        if (!Objects.equals(a.comment(), b.comment())) {
            details.add("comment changed");
        }
        return details;
    }

    private static String rls(Table t) {
        return t.rlsEnabled() ? (t.rlsForced() ? "forced" : "enabled") : "off";
    }

    private static <T> void compare(List<String> out, String noun, Map<String, T> before, Map<String, T> after,
                                    Function<T, String> describe) {
        for (String name : union(before.keySet(), after.keySet())) {
            T a = before.get(name);
            T b = after.get(name);
            if (a == null) {
                out.add(noun + " " + name + ": added " + describe.apply(b));
            } else if (b == null) {
                out.add(noun + " " + name + ": removed");
            } else if (!a.equals(b)) {
                out.add(noun + " " + name + ": changed " + describe.apply(a) + " -> " + describe.apply(b));
            }
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(name.apply(item), item);
        }
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
