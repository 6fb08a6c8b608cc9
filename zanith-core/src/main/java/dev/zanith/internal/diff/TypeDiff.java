package dev.zanith.internal.diff;

import dev.zanith.api.ops.AddDomainConstraint;
import dev.zanith.api.ops.AddExclusionConstraint;
import dev.zanith.api.ops.AddTypeAttribute;
import dev.zanith.api.ops.CreateCompositeType;
import dev.zanith.api.ops.CreateDomain;
import dev.zanith.api.ops.CreateRangeType;
import dev.zanith.api.ops.CreateStatistics;
import dev.zanith.api.ops.DropCompositeType;
import dev.zanith.api.ops.DropDomain;
import dev.zanith.api.ops.DropDomainConstraint;
import dev.zanith.api.ops.DropExclusionConstraint;
import dev.zanith.api.ops.DropRangeType;
import dev.zanith.api.ops.DropStatistics;
import dev.zanith.api.ops.DropTypeAttribute;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.SetDomainDefault;
import dev.zanith.api.ops.SetDomainNotNull;
import dev.zanith.api.ops.ValidateDomainConstraint;
import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.ExclusionConstraint;
import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differ's part for domains, composite and range types, exclusion constraints and extended statistics. Types are
 * created before the tables whose columns use them (range types, then domains in dependency order, then composite
 * types) and dropped after the tables and columns that used them are gone (composite types, then domains, then range
 * types). A constraint added to a domain that columns use is added {@code NOT VALID} and validated in its own step, so
 * the check of stored values is a step of its own. A change PostgreSQL cannot make in place (a domain's base type, a
 * range's subtype, an attribute's type) re-creates the type when nothing uses it and is left to a hand-written
 * migration, with a warning, when something does. Exclusion constraints and statistics whose definition changed are
 * dropped before the column changes and re-created after them.
 */
final class TypeDiff {

    /** Operations by the differ phase they belong to, and what could not be done. */
    record Result(List<Operation> types, List<Operation> dependentDrops, List<Operation> constraints,
                  List<Operation> drops, List<String> warnings, List<String> kept) {
    }

    private final SchemaGraph live;
    private final SchemaGraph wanted;
    private final Set<String> keptTypes;
    private final List<Operation> types = new ArrayList<>();
    private final List<Operation> dependentDrops = new ArrayList<>();
    private final List<Operation> constraints = new ArrayList<>();
    private final List<Operation> drops = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();

    private TypeDiff(SchemaGraph live, SchemaGraph wanted, Set<String> keptTypes) {
        this.live = live;
        this.wanted = wanted;
        this.keptTypes = keptTypes;
    }

    /**
     * @param keptTypes types (without array brackets) of columns the drop strategy parks or archives: their types
     *                  stay
     */
    static Result diff(SchemaGraph live, SchemaGraph wanted, Set<String> keptTypes) {
        TypeDiff d = new TypeDiff(live, wanted, keptTypes);
        d.ranges();
        d.domains();
        d.composites();
        d.exclusions();
        d.statistics();
        List<Operation> drops = new ArrayList<>();
        // composite types may use domains, domains may be over range types: drop in that order
        d.drops.stream().filter(o -> o instanceof DropCompositeType).forEach(drops::add);
        d.drops.stream().filter(o -> o instanceof DropDomain).forEach(drops::add);
        d.drops.stream().filter(o -> o instanceof DropRangeType).forEach(drops::add);
        return new Result(d.types, d.dependentDrops, d.constraints, drops, d.warnings, d.kept);
    }

    // ---------------------------------------------------------------- range types

    private void ranges() {
        Map<TableName, RangeType> existing = byName(live.rangeTypes(), RangeType::qualifiedName);
        for (RangeType range : wanted.rangeTypes()) {
            RangeType old = existing.get(range.qualifiedName());
            if (old == null) {
                types.add(new CreateRangeType(range));
            } else if (!old.equals(range)) {
                if (replaceable(old.sqlName(), "range type " + range.qualifiedName(), "its definition")) {
                    types.add(new DropRangeType(old.qualifiedName(), old));
                    types.add(new CreateRangeType(range));
                }
            }
        }
        for (RangeType old : live.rangeTypes()) {
            if (wanted.rangeTypes().stream().noneMatch(r -> r.qualifiedName().equals(old.qualifiedName()))) {
                drop(old.sqlName(), "range type " + old.qualifiedName(), new DropRangeType(old.qualifiedName(), old));
            }
        }
    }

    // ---------------------------------------------------------------- domains

    private void domains() {
        Map<TableName, Domain> existing = byName(live.domains(), Domain::qualifiedName);
        List<Domain> created = new ArrayList<>();
        for (Domain domain : wanted.domains()) {
            Domain old = existing.get(domain.qualifiedName());
            if (old == null) {
                created.add(domain);
                continue;
            }
            if (!old.baseType().equals(domain.baseType()) || !Objects.equals(old.collation(), domain.collation())) {
                if (replaceable(old.sqlName(), "domain " + domain.qualifiedName(), "its base type or collation")) {
                    types.add(new DropDomain(old.qualifiedName(), old));
                    created.add(domain);
                }
                continue;
            }
            alterDomain(old, domain);
        }
        // a domain over another new domain comes after it
        Set<String> pending = created.stream().map(Domain::sqlName).collect(Collectors.toCollection(HashSet::new));
        while (!created.isEmpty()) {
            Domain next = created.stream().filter(d -> !pending.contains(d.baseType().replaceAll("(\\[\\])+$", "")))
                    .findFirst().orElse(created.get(0));
            types.add(new CreateDomain(next));
            created.remove(next);
            pending.remove(next.sqlName());
        }
        for (Domain old : live.domains()) {
            if (wanted.domain(old.schema(), old.name()).isEmpty()) {
                drop(old.sqlName(), "domain " + old.qualifiedName(), new DropDomain(old.qualifiedName(), old));
            }
        }
    }

    private void alterDomain(Domain old, Domain domain) {
        TableName name = domain.qualifiedName();
        if (!Objects.equals(old.defaultExpression(), domain.defaultExpression())) {
            types.add(new SetDomainDefault(name, domain.defaultExpression(), old.defaultExpression()));
        }
        if (old.notNull() && !domain.notNull()) {
            types.add(new SetDomainNotNull(name, false));
        } else if (!old.notNull() && domain.notNull()) {
            constraints.add(new SetDomainNotNull(name, true));
        }
        Map<String, DomainConstraint> before = byName(old.constraints(), DomainConstraint::name);
        boolean used = usedByColumns(old.sqlName());
        for (DomainConstraint c : domain.constraints()) {
            DomainConstraint was = before.get(c.name());
            if (was != null && was.definition().equals(c.definition())) {
                if (!was.validated() && c.validated()) {
                    constraints.add(new ValidateDomainConstraint(name, c.name()));
                } else if (was.validated() && !c.validated()) {
                    types.add(new DropDomainConstraint(name, c.name(), was));
                    constraints.add(new AddDomainConstraint(name, c, true));
                }
                continue;
            }
            if (was != null) {
                types.add(new DropDomainConstraint(name, c.name(), was));
            }
            // Values already stored are checked in a step of their own (ALTER DOMAIN ... VALIDATE CONSTRAINT).
            boolean split = used || !c.validated();
            constraints.add(new AddDomainConstraint(name, c, split));
            if (split && c.validated()) {
                constraints.add(new ValidateDomainConstraint(name, c.name()));
            }
        }
        for (DomainConstraint was : old.constraints()) {
            if (domain.constraints().stream().noneMatch(c -> c.name().equals(was.name()))) {
                types.add(new DropDomainConstraint(name, was.name(), was));
            }
        }
    }

    // ---------------------------------------------------------------- composite types

    private void composites() {
        Map<TableName, CompositeType> existing = byName(live.compositeTypes(), CompositeType::qualifiedName);
        for (CompositeType type : wanted.compositeTypes()) {
            CompositeType old = existing.get(type.qualifiedName());
            if (old == null) {
                types.add(new CreateCompositeType(type));
            } else if (!old.equals(type)) {
                alterComposite(old, type);
            }
        }
        for (CompositeType old : live.compositeTypes()) {
            if (wanted.compositeType(old.schema(), old.name()).isEmpty()) {
                drop(old.sqlName(), "composite type " + old.qualifiedName(), new DropCompositeType(old.qualifiedName(), old));
            }
        }
    }

    /**
     * Attributes dropped and added in place when the result has the declared attributes in the declared order (added
     * attributes go last); an attribute whose type or collation changed is dropped and re-added only when nothing uses
     * the type (ALTER ATTRIBUTE ... TYPE is refused while a column does, and a drop would lose its values).
     */
    private void alterComposite(CompositeType old, CompositeType type) {
        TableName name = type.qualifiedName();
        boolean used = usedAnywhere(old.sqlName());
        List<TypeAttribute> result = new ArrayList<>();
        List<Operation> steps = new ArrayList<>();
        boolean changedInPlace = false;
        for (TypeAttribute was : old.attributes()) {
            Optional<TypeAttribute> now = type.attributes().stream().filter(a -> a.name().equals(was.name())).findFirst();
            if (now.isEmpty()) {
                steps.add(new DropTypeAttribute(name, was.name(), was));
            } else if (!now.get().equals(was)) {
                changedInPlace = true;
                steps.add(new DropTypeAttribute(name, was.name(), was));
            } else {
                result.add(was);
            }
        }
        for (TypeAttribute a : type.attributes()) {
            if (!result.contains(a)) {
                steps.add(new AddTypeAttribute(name, a));
                result.add(a);
            }
        }
        if (result.equals(type.attributes()) && !(changedInPlace && used)) {
            types.addAll(steps);
        } else if (replaceable(old.sqlName(), "composite type " + name, "an attribute's type or the attributes' order")) {
            types.add(new DropCompositeType(name, old));
            types.add(new CreateCompositeType(type));
        }
    }

    // ---------------------------------------------------------------- exclusion constraints, statistics

    private void exclusions() {
        for (ExclusionConstraint x : wanted.exclusionConstraints()) {
            Optional<ExclusionConstraint> old = live.exclusionConstraints().stream()
                    .filter(o -> o.qualifiedTable().equals(x.qualifiedTable()) && o.name().equals(x.name())).findFirst();
            if (old.isPresent() && old.get().equals(x)) {
                continue;
            }
            old.ifPresent(o -> dependentDrops.add(new DropExclusionConstraint(o.qualifiedTable(), o.name(), o.definition())));
            constraints.add(new AddExclusionConstraint(x.qualifiedTable(), x.name(), x.definition()));
        }
        for (ExclusionConstraint old : live.exclusionConstraints()) {
            boolean tableStays = wanted.table(old.qualifiedTable()).isPresent();
            boolean declared = wanted.exclusionConstraints().stream()
                    .anyMatch(x -> x.qualifiedTable().equals(old.qualifiedTable()) && x.name().equals(old.name()));
            if (tableStays && !declared) {
                dependentDrops.add(new DropExclusionConstraint(old.qualifiedTable(), old.name(), old.definition()));
            }
        }
    }

    private void statistics() {
        for (StatisticsObject s : wanted.statistics()) {
            Optional<StatisticsObject> old = live.statistics().stream()
                    .filter(o -> o.qualifiedName().equals(s.qualifiedName())).findFirst();
            if (old.isPresent() && old.get().equals(s)) {
                continue;
            }
            old.ifPresent(o -> dependentDrops.add(new DropStatistics(o.qualifiedName(), o)));
            constraints.add(new CreateStatistics(s));
        }
        for (StatisticsObject old : live.statistics()) {
            boolean declared = wanted.statistics().stream().anyMatch(s -> s.qualifiedName().equals(old.qualifiedName()));
            if (!declared && wanted.table(old.qualifiedTable()).isPresent()) {
                dependentDrops.add(new DropStatistics(old.qualifiedName(), old));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Whether a type can be dropped and re-created: nothing in the live schema uses it; else a warning. */
    private boolean replaceable(String typeSql, String what, String change) {
        if (!usedAnywhere(typeSql)) {
            return true;
        }
        warnings.add(what + ": " + change + " changed, which PostgreSQL cannot alter in place, and columns or other "
                + "types use it, so re-creating it would drop them; Zanith leaves it to a hand-written migration "
                + "(add a new type, convert the columns, drop the old one)");
        return false;
    }

    private void drop(String typeSql, String what, Operation drop) {
        if (keptTypes.contains(typeSql)) {
            kept.add(what);
            warnings.add(what + " is kept: a soft-dropped or archived column still holds values of it; drop it after "
                    + "`zanith recover purge`");
        } else {
            drops.add(drop);
        }
    }

    private boolean usedByColumns(String typeSql) {
        for (Table table : live.tables()) {
            if (table.columns().stream().anyMatch(c -> isType(c.type(), typeSql))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a column, a domain, a composite type's attribute or a range type of the live schema uses the type. */
    private boolean usedAnywhere(String typeSql) {
        return usedByColumns(typeSql) || keptTypes.contains(typeSql)
                || live.domains().stream().anyMatch(d -> isType(d.baseType(), typeSql))
                || live.compositeTypes().stream().anyMatch(t -> t.attributes().stream().anyMatch(a -> isType(a.type(), typeSql)))
                || live.rangeTypes().stream().anyMatch(r -> isType(r.subtype(), typeSql));
    }

    private static boolean isType(String type, String typeSql) {
        return type.equals(typeSql) || type.replaceAll("(\\[\\])+$", "").equals(typeSql);
    }

    private static <K, T> Map<K, T> byName(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
