package dev.zanith.internal.diff;

import dev.zanith.api.ops.CreateEventTrigger;
import dev.zanith.api.ops.CreateFunction;
import dev.zanith.api.ops.CreateTrigger;
import dev.zanith.api.ops.DisableTrigger;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropDefault;
import dev.zanith.api.ops.DropDomainConstraint;
import dev.zanith.api.ops.DropEventTrigger;
import dev.zanith.api.ops.DropExclusionConstraint;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropStatistics;
import dev.zanith.api.ops.DropTrigger;
import dev.zanith.api.ops.EnableTrigger;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.ReplaceFunction;
import dev.zanith.api.ops.ReplaceTrigger;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.ExclusionConstraint;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link Differ}'s part for routines (functions and procedures), triggers and event triggers, writing into the differ's phases:
 * <ul>
 *   <li>new routines, and routines CREATE OR REPLACE can change ({@link Routine#replaceableBy}: same signature,
 *       arguments and result), go with the types, before any table (defaults, CHECKs and triggers call them);</li>
 *   <li>a routine that must be dropped and created again (its result, its argument names or defaults, or its kind
 *       changes) goes with the dependent drops: first what uses it — column defaults, CHECK constraints, indexes,
 *       policies, domain CHECKs, exclusion constraints and extended statistics whose expressions call it, triggers that
 *       execute it or call it in their WHEN, and generated columns computed from it (dropped: PostgreSQL has no way to
 *       keep one while its routine is gone, see {@link #dropDependents}) — then the routine is dropped and created. So does every routine whose SQL-standard body calls it ({@link #recreated}), callers
 *       dropped first and created after, in dependency order; declared routines calling one of them (new or replaced)
 *       are created after them too. Views calling any of them are dropped and created by {@link ViewDiff}. Those
 *       dependents leave the differ's working graph, so the table diff adds the declared ones back in their own
 *       phases (defaults set, CHECKs added NOT VALID and validated, indexes built concurrently, generated columns
 *       added, domain CHECKs and statistics by {@link TypeDiff}) and the trigger diff creates the triggers again;</li>
 *   <li>routines the declared schema lacks are dropped first among the late drops (after the tables and columns
 *       that used them, before the types their arguments use), callers before callees;</li>
 *   <li>routines created or replaced in the types phase go callees first, so a SQL-standard body finds what it
 *       calls. A string body ({@code AS $$...$$}) records no dependency: the server checks nothing when a routine it
 *       calls is dropped, so nothing orders around it and a stale call fails only when it runs;</li>
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
        Set<String> recreated = recreated(working, target);
        // Declared routines that call (through SQL-standard bodies, transitively) one that is dropped and created
        // again: created or replaced only after it is back, or their bodies would bind to the old one.
        Set<String> after = callersOf(declared, recreated);
        List<Operation> lateCreates = new ArrayList<>();
        for (Routine wanted : dependencyOrder(target.routines(), false)) {
            Routine existing = live.get(wanted.signature());
            boolean again = recreated.contains(wanted.signature());
            if (existing != null && existing.definition().equals(wanted.definition()) && !again) {
                continue;
            }
            Operation change = existing == null || again ? new CreateFunction(wanted) : new ReplaceFunction(wanted, existing);
            if (again || after.contains(wanted.signature())) {
                lateCreates.add(change);
            } else {
                types.add(change);
            }
        }
        SchemaGraph result = working;
        // Callers first: the server refuses to drop a routine a SQL-standard body still calls.
        for (Routine existing : dependencyOrder(working.routines(), true)) {
            if (recreated.contains(existing.signature())) {
                result = dropDependents(result, target, existing);
                dependentDrops.add(new DropFunction(existing.signature(), existing));
            }
        }
        dependentDrops.addAll(lateCreates);
        List<Operation> drops = new ArrayList<>();
        for (Routine existing : dependencyOrder(working.routines(), true)) {
            if (!declared.containsKey(existing.signature()) && !recreated.contains(existing.signature())) {
                drops.add(new DropFunction(existing.signature(), existing));
            }
        }
        lateDrops.addAll(0, drops);
        return result;
    }

    /**
     * The signatures of the live routines that go away before the declared ones are created: those the declared schema
     * lacks, and those dropped and created again (see {@link #recreated}). Whatever calls one of them must be dropped
     * before it (views, by {@link ViewDiff}).
     */
    static Set<String> dropped(SchemaGraph live, SchemaGraph declared) {
        Set<String> out = recreated(live, declared);
        Set<String> wanted = bySignature(declared.routines()).keySet();
        live.routines().stream().map(Routine::signature).filter(s -> !wanted.contains(s)).forEach(out::add);
        return out;
    }

    /**
     * The signatures of the live routines dropped and created again: those CREATE OR REPLACE cannot change, and every
     * live routine whose SQL-standard body calls one of them, transitively (the server would refuse the DROP while
     * they exist; each is created again after, in dependency order). A caller the declared schema lacks is among them
     * too: dropped before its callee rather than among the late drops.
     */
    static Set<String> recreated(SchemaGraph live, SchemaGraph declared) {
        Map<String, Routine> wanted = bySignature(declared.routines());
        Set<String> changed = new TreeSet<>();
        for (Routine existing : live.routines()) {
            Routine routine = wanted.get(existing.signature());
            if (routine != null && !existing.definition().equals(routine.definition()) && !existing.replaceableBy(routine)) {
                changed.add(existing.signature());
            }
        }
        return callersOf(bySignature(live.routines()), changed);
    }

    /**
     * Whether the differ drops the live generated {@code column} and adds it again as {@code declared}: its expression
     * changes (PostgreSQL before 17 cannot change one in place), or it computes from a routine dropped and created
     * again ({@link #dropDependents}). What reads the column (a view) must go first and come back after.
     */
    static boolean readded(Column column, Column declared, SchemaGraph live, SchemaGraph target) {
        if (column.generated() == null || declared.generated() == null) {
            return false; // a plain column, or a conversion the differ leaves to a hand-written migration
        }
        if (!column.generated().equals(declared.generated())) {
            return true;
        }
        Set<String> again = recreated(live, target);
        return live.routines().stream().filter(r -> again.contains(r.signature())).anyMatch(r -> computesFrom(column, r));
    }

    private static boolean computesFrom(Column column, Routine routine) {
        return column.generated() != null && calls(column.generated().expression(), routine.callPrefix());
    }

    /** {@code roots} and every routine of {@code routines} that calls one of them, transitively. */
    private static Set<String> callersOf(Map<String, Routine> routines, Set<String> roots) {
        Set<String> out = new TreeSet<>(roots);
        boolean grew = !out.isEmpty();
        while (grew) {
            grew = false;
            for (Routine routine : routines.values()) {
                if (!out.contains(routine.signature()) && routine.dependsOn().stream().anyMatch(out::contains)) {
                    out.add(routine.signature());
                    grew = true;
                }
            }
        }
        return out;
    }

    /**
     * {@code routines} each after the ones it calls, or ({@code callersFirst}) each before them; ties by signature. A
     * cycle cannot be created (a SQL-standard body needs its callees to exist), so it is only broken deterministically.
     */
    static List<Routine> dependencyOrder(List<Routine> routines, boolean callersFirst) {
        Map<String, Routine> pending = new TreeMap<>(bySignature(routines));
        List<Routine> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Routine next = null;
            for (Routine routine : pending.values()) {
                boolean ready = callersFirst
                        ? pending.values().stream().noneMatch(o -> o != routine && o.dependsOn().contains(routine.signature()))
                        : routine.dependsOn().stream().noneMatch(d -> !d.equals(routine.signature()) && pending.containsKey(d));
                if (ready) {
                    next = routine;
                    break;
                }
            }
            if (next == null) {
                next = pending.values().iterator().next();
            }
            pending.remove(next.signature());
            ordered.add(next);
        }
        return ordered;
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
     * working graph without those dependents. A generated column computed from it is dropped whole, on every server:
     * {@code DROP EXPRESSION} makes it a plain column for good ({@code SET EXPRESSION}, 17+, refuses a column that is no
     * longer generated: observed on 18; a placeholder {@code SET EXPRESSION} there and back would rewrite the table
     * twice, and only on 17+), and its values can be computed again, so adding it back costs one rewrite and
     * loses nothing the declared schema keeps (what the drop takes along, indexes and CHECKs on it, comes back with the
     * table diff). The drop is a plain {@code dropColumn}, classified and gated as one.
     */
    private SchemaGraph dropDependents(SchemaGraph working, SchemaGraph target, Routine routine) {
        String call = routine.callPrefix();
        List<Operation> drops = new ArrayList<>();
        for (Trigger trigger : working.triggers()) {
            // the trigger's function, or a call in its WHEN (pg_get_triggerdef prints it schema-qualified)
            if (trigger.function().equals(routine.signature()) || calls(trigger.definition(), call)) {
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
                if (computesFrom(column, routine)) {
                    dropGenerated(table, column, routine, target, drops);
                    continue;
                }
                if (calls(column.defaultExpression(), call)) {
                    drops.add(new DropDefault(table.qualifiedName(), column.name(), column.defaultExpression()));
                }
            }
        }
        for (Domain domain : working.domains()) {
            for (DomainConstraint check : domain.constraints()) {
                if (calls(check.definition(), call)) {
                    drops.add(new DropDomainConstraint(domain.qualifiedName(), check.name(), check));
                }
            }
        }
        for (ExclusionConstraint exclusion : working.exclusionConstraints()) {
            if (calls(exclusion.definition(), call)) {
                drops.add(new DropExclusionConstraint(exclusion.qualifiedTable(), exclusion.name(), exclusion.definition()));
            }
        }
        for (StatisticsObject statistics : working.statistics()) {
            if (calls(statistics.definition(), call)) {
                drops.add(new DropStatistics(statistics.qualifiedName(), statistics));
            }
        }
        SchemaGraph result = working;
        for (Operation drop : drops) {
            dependentDrops.add(drop);
            result = SchemaEffect.apply(result, drop);
        }
        return result;
    }

    /**
     * Drops the generated {@code column} computed from {@code routine} (see {@link #dropDependents}), saying why; unless
     * the declared schema keeps it as a plain column, whose values a drop would lose: that conversion is left to the
     * user, and the step dropping the routine fails until it is done.
     */
    private void dropGenerated(Table table, Column column, Routine routine, SchemaGraph target, List<Operation> drops) {
        String what = "the generated column " + table.qualifiedName() + "." + column.name() + " computes from "
                + routine.kind() + " " + routine.signature() + ", which must be dropped and created again";
        Optional<Column> declared = target.table(table.qualifiedName()).flatMap(t -> t.column(column.name()));
        if (declared.isPresent() && declared.get().generated() == null) {
            warnings.add(what + ", and it is declared as a plain column: dropping it would lose its values, and "
                    + "PostgreSQL will not drop the " + routine.kind() + " while it exists, so that step fails; make the "
                    + "column plain first (ALTER COLUMN ... DROP EXPRESSION) in a hand-written migration");
            return;
        }
        drops.add(new DropColumn(table.qualifiedName(), column.name(), column));
        warnings.add(what + ": the column is dropped before it" + (declared.isPresent() ? " and added again after it "
                + "(its values are computed again, the table is rewritten, and it moves to the end of the table)"
                : " (PostgreSQL will not drop the " + routine.kind() + " while it exists, and a parked column would "
                + "still compute from it)"));
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
