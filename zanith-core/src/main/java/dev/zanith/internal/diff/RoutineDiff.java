package dev.zanith.internal.diff;

import dev.zanith.api.ops.CreateEventTrigger;
import dev.zanith.api.ops.CreateFunction;
import dev.zanith.api.ops.CreateTrigger;
import dev.zanith.api.ops.DisableTrigger;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropDefault;
import dev.zanith.api.ops.DropEventTrigger;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropTrigger;
import dev.zanith.api.ops.EnableTrigger;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.ReplaceFunction;
import dev.zanith.api.ops.ReplaceTrigger;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link Differ}'s part for routines (functions and procedures), triggers and event triggers, writing into the differ's phases:
 * <ul>
 *   <li>new routines, and routines CREATE OR REPLACE can change ({@link Routine#replaceableBy}: same signature,
 *       arguments and result), go with the types, before any table (defaults, CHECKs and triggers call them);</li>
 *   <li>a routine that must be dropped and created again (its result, its argument names or defaults, or its kind
 *       changes) goes with the dependent drops: first what uses it — column defaults, CHECK constraints, indexes and
 *       policies whose expressions call it, triggers that execute it — then the routine is dropped and created. Those
 *       dependents leave the differ's working graph, so the table diff adds the declared ones back in their own
 *       phases (defaults set, CHECKs added NOT VALID and validated, indexes built concurrently) and the trigger diff
 *       creates the triggers again;</li>
 *   <li>routines the declared schema lacks are dropped first among the late drops (after the tables and columns
 *       that used them, before the types their arguments use);</li>
 *   <li>triggers: new ones after every table change, changed ones replaced in one statement (CREATE OR REPLACE
 *       TRIGGER; a constraint trigger is dropped and created), enabled state changed by ENABLE / DISABLE, removed
 *       ones dropped with the dependent drops;</li>
 *   <li>event triggers: dropped before anything else and created after everything else, so none fires on the plan's
 *       own DDL.</li>
 * </ul>
 * Expressions call a routine as {@link Routine#callPrefix()} ({@code public.f(}); every overload of that name counts as
 * a user, which can only add steps, never miss one.
 */
final class RoutineDiff {

    private final List<Operation> types;
    private final List<Operation> dependentDrops;
    private final List<Operation> triggerChanges;
    private final List<Operation> lateDrops;
    private final List<String> warnings;

    RoutineDiff(List<Operation> types, List<Operation> dependentDrops, List<Operation> triggerChanges,
                List<Operation> lateDrops, List<String> warnings) {
        this.types = types;
        this.dependentDrops = dependentDrops;
        this.triggerChanges = triggerChanges;
        this.lateDrops = lateDrops;
        this.warnings = warnings;
    }

    /** Diffs the routines; returns {@code working} without the dependents of every routine dropped and re-created. */
    SchemaGraph routines(SchemaGraph working, SchemaGraph target) {
        Map<String, Routine> live = bySignature(working.routines());
        Map<String, Routine> declared = bySignature(target.routines());
        SchemaGraph result = working;
        for (Routine wanted : target.routines()) {
            Routine existing = live.get(wanted.signature());
            if (existing == null) {
                types.add(new CreateFunction(wanted));
            } else if (existing.definition().equals(wanted.definition())) {
                continue;
            } else if (existing.replaceableBy(wanted)) {
                types.add(new ReplaceFunction(wanted, existing));
            } else {
                result = dropDependents(result, existing);
                dependentDrops.add(new DropFunction(existing.signature(), existing));
                dependentDrops.add(new CreateFunction(wanted));
            }
        }
        List<Operation> drops = new ArrayList<>();
        for (Routine existing : working.routines()) {
            if (!declared.containsKey(existing.signature())) {
                drops.add(new DropFunction(existing.signature(), existing));
            }
        }
        lateDrops.addAll(0, drops);
        return result;
    }

    /** Diffs the triggers of {@code working} (as the routine diff left it) against {@code target}. */
    void triggers(SchemaGraph working, SchemaGraph target) {
        for (Trigger wanted : target.triggers()) {
            Optional<Trigger> existing = find(working, wanted);
            if (existing.isEmpty()) {
                triggerChanges.add(new CreateTrigger(wanted));
                continue;
            }
            Trigger live = existing.get();
            if (!live.definition().equals(wanted.definition())) {
                if (live.constraintTrigger() || wanted.constraintTrigger()) {
                    dependentDrops.add(new DropTrigger(live.qualifiedTable(), live.name(), live));
                    triggerChanges.add(new CreateTrigger(wanted));
                } else {
                    triggerChanges.add(new ReplaceTrigger(wanted, live));
                }
            } else if (!live.enabled().equals(wanted.enabled())) {
                triggerChanges.add(wanted.enabled().equals(Trigger.DISABLED)
                        ? new DisableTrigger(live.qualifiedTable(), live.name(), live.enabled())
                        : new EnableTrigger(live.qualifiedTable(), live.name(), wanted.enabled(), live.enabled()));
            }
        }
        for (Trigger live : working.triggers()) {
            if (find(target, live).isPresent()) {
                continue;
            }
            boolean tableStays = target.table(live.qualifiedTable()).isPresent();
            // A table that goes away takes its triggers along, unless it is parked (soft drop, archive) and the
            // trigger's function goes too: the parked trigger would keep the function from being dropped.
            if (tableStays || target.routine(live.function()).isEmpty()) {
                dependentDrops.add(new DropTrigger(live.qualifiedTable(), live.name(), live));
            }
        }
    }

    /**
     * Diffs the event triggers: a changed one is dropped and created again (they lock no table). They fire on DDL, so
     * drops go to the very front of {@code first} and creates to the end of {@code last}: none fires on this plan's
     * own steps.
     */
    void eventTriggers(SchemaGraph working, SchemaGraph target, List<Operation> first, List<Operation> last) {
        Map<String, EventTrigger> declared = target.eventTriggers().stream()
                .collect(Collectors.toMap(EventTrigger::name, Function.identity()));
        Map<String, EventTrigger> live = working.eventTriggers().stream()
                .collect(Collectors.toMap(EventTrigger::name, Function.identity()));
        List<Operation> drops = new ArrayList<>();
        for (EventTrigger existing : working.eventTriggers()) {
            if (!existing.equals(declared.get(existing.name()))) {
                drops.add(new DropEventTrigger(existing.name(), existing));
            }
        }
        first.addAll(0, drops);
        for (EventTrigger wanted : target.eventTriggers()) {
            if (!wanted.equals(live.get(wanted.name()))) {
                last.add(new CreateEventTrigger(wanted));
            }
        }
    }

    /**
     * Drops what uses {@code routine} (see the class comment), adding the steps to the dependent drops; returns the
     * working graph without those dependents.
     */
    private SchemaGraph dropDependents(SchemaGraph working, Routine routine) {
        String call = routine.callPrefix();
        List<Operation> drops = new ArrayList<>();
        for (Trigger trigger : working.triggers()) {
            if (trigger.function().equals(routine.signature())) {
                drops.add(new DropTrigger(trigger.qualifiedTable(), trigger.name(), trigger));
            }
        }
        for (Table table : working.tables()) {
            for (Policy policy : table.policies()) {
                if (calls(policy.using(), call) || calls(policy.withCheck(), call)) {
                    drops.add(new DropPolicy(table.qualifiedName(), policy.name(), policy));
                }
            }
            for (Index index : table.indexes()) {
                if (calls(index.predicate(), call) || index.keys().stream().anyMatch(k -> calls(k, call))) {
                    drops.add(new DropIndex(table.qualifiedName(), index.name(), index, true));
                }
            }
            for (CheckConstraint check : table.checkConstraints()) {
                if (calls(check.expression(), call)) {
                    drops.add(new DropCheckConstraint(table.qualifiedName(), check.name(), check));
                }
            }
            for (Column column : table.columns()) {
                if (column.generated() != null && calls(column.generated().expression(), call)) {
                    warnings.add(routine.kind() + " " + routine.signature() + " must be dropped and created again, but "
                            + "the generated column " + table.qualifiedName() + "." + column.name() + " computes from it "
                            + "and PostgreSQL will not drop it while the column exists: that step fails; change the "
                            + "column and the " + routine.kind() + " in a hand-written migration");
                }
                if (calls(column.defaultExpression(), call)) {
                    drops.add(new DropDefault(table.qualifiedName(), column.name(), column.defaultExpression()));
                }
            }
        }
        SchemaGraph result = working;
        for (Operation drop : drops) {
            dependentDrops.add(drop);
            result = SchemaEffect.apply(result, drop);
        }
        return result;
    }

    private static boolean calls(String expression, String call) {
        return expression != null && expression.contains(call);
    }

    private static Optional<Trigger> find(SchemaGraph graph, Trigger trigger) {
        return graph.triggers(trigger.qualifiedTable()).stream().filter(t -> t.name().equals(trigger.name())).findFirst();
    }

    private static Map<String, Routine> bySignature(List<Routine> routines) {
        return routines.stream().collect(Collectors.toMap(Routine::signature, Function.identity()));
    }
}
