package dev.zanith.api.ops;

import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link SchemaEffect}'s part for routines, triggers and event triggers: their own operations, and triggers following their table. */
final class RoutineEffect {

    private RoutineEffect() {
    }

    /** The effect of a routine or trigger operation, or empty for any other kind. */
    static Optional<SchemaGraph> of(SchemaGraph graph, Operation operation) {
        if (operation instanceof CreateFunction o) {
            return Optional.of(graph.routine(o.routine().signature()).isPresent() ? graph
                    : graph.withRoutines(plus(graph.routines(), o.routine())));
        }
        if (operation instanceof ReplaceFunction o) {
            List<Routine> routines = new ArrayList<>(graph.routines().stream()
                    .filter(r -> !r.signature().equals(o.routine().signature())).toList());
            routines.add(o.routine());
            return Optional.of(graph.withRoutines(routines));
        }
        if (operation instanceof DropFunction o) {
            return Optional.of(graph.withRoutines(graph.routines().stream()
                    .filter(r -> !r.signature().equals(o.signature())).toList()));
        }
        if (operation instanceof CreateTrigger o) {
            return Optional.of(trigger(graph, o.trigger().qualifiedTable(), o.trigger().name()).isPresent() ? graph
                    : graph.withTriggers(plus(graph.triggers(), o.trigger())));
        }
        if (operation instanceof ReplaceTrigger o) {
            return Optional.of(graph.withTriggers(plus(without(graph, o.trigger().qualifiedTable(), o.trigger().name()),
                    o.trigger())));
        }
        if (operation instanceof DropTrigger o) {
            return Optional.of(graph.withTriggers(without(graph, o.table(), o.name())));
        }
        if (operation instanceof EnableTrigger o) {
            return Optional.of(state(graph, o.table(), o.name(), o.mode()));
        }
        if (operation instanceof CreateEventTrigger o) {
            return Optional.of(graph.eventTriggers().stream().anyMatch(e -> e.name().equals(o.trigger().name())) ? graph
                    : graph.withEventTriggers(plus(graph.eventTriggers(), o.trigger())));
        }
        if (operation instanceof DropEventTrigger o) {
            return Optional.of(graph.withEventTriggers(graph.eventTriggers().stream()
                    .filter(e -> !e.name().equals(o.name())).toList()));
        }
        if (operation instanceof DisableTrigger o) {
            return Optional.of(state(graph, o.table(), o.name(), Trigger.DISABLED));
        }
        return Optional.empty();
    }

    /**
     * {@code after} (the effect of a table operation on {@code before}) with the triggers following their table: a
     * renamed table keeps them, a dropped, soft-dropped or archived one takes them along (out of sight).
     */
    static SchemaGraph carryTriggers(SchemaGraph before, Operation operation, SchemaGraph after) {
        if (after.triggers().isEmpty()) {
            return after;
        }
        if (operation instanceof RenameTable o && before.table(o.table()).isPresent()
                && after.table(new TableName(o.table().schema(), o.newName())).isPresent()) {
            return after.withTriggers(after.triggers().stream()
                    .map(t -> t.qualifiedTable().equals(o.table()) ? t.onTable(o.newName()) : t).toList());
        }
        if (operation instanceof DropTable || operation instanceof SoftDropTable || operation instanceof ArchiveTable) {
            return after.withTriggers(after.triggers().stream()
                    .filter(t -> after.table(t.qualifiedTable()).isPresent()).toList());
        }
        return after;
    }

    private static Optional<Trigger> trigger(SchemaGraph graph, TableName table, String name) {
        return graph.triggers(table).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<Trigger> without(SchemaGraph graph, TableName table, String name) {
        return graph.triggers().stream().filter(t -> !(t.qualifiedTable().equals(table) && t.name().equals(name)))
                .toList();
    }

    private static SchemaGraph state(SchemaGraph graph, TableName table, String name, String state) {
        return graph.withTriggers(graph.triggers().stream()
                .map(t -> t.qualifiedTable().equals(table) && t.name().equals(name) ? t.withEnabled(state) : t).toList());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
