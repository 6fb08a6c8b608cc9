package dev.zanith.internal.verify;

import dev.zanith.api.output.Difference;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Extension;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Policy;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.UniqueConstraint;
import dev.zanith.api.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Lists how one schema graph differs from another, model by model and field by field (column order aside). */
public final class SchemaComparison {

    private final List<Difference> differences = new ArrayList<>();

    private SchemaComparison() {
    }

    public static List<Difference> compare(SchemaGraph expected, SchemaGraph actual) {
        SchemaComparison comparison = new SchemaComparison();
        comparison.run(expected, actual);
        return List.copyOf(comparison.differences);
    }

    /**
     * Like {@link #compare} but blind to extension versions, which are the server's business (the version a
     * shadow installs need not be the one a declared schema or a target has).
     */
    public static List<Difference> compareStructure(SchemaGraph expected, SchemaGraph actual) {
        return compare(withoutVersions(expected), withoutVersions(actual));
    }

    private static SchemaGraph withoutVersions(SchemaGraph graph) {
        return graph.withExtensions(graph.extensions().stream().map(e -> new Extension(e.name(), e.schema(), null)).toList());
    }

    private void run(SchemaGraph expected, SchemaGraph actual) {
        for (String schema : expected.schemas()) {
            if (!actual.schemas().contains(schema)) {
                differences.add(new Difference(schema, null, "missing", "schema", null));
            }
        }
        for (String schema : actual.schemas()) {
            if (!expected.schemas().contains(schema)) {
                differences.add(new Difference(schema, null, "unexpected", null, "schema"));
            }
        }
        named(expected.extensions(), actual.extensions(), Extension::name, (e, a) -> {
            if (!e.schema().equals(a.schema())) {
                differences.add(new Difference("extension " + e.name(), null, "schema", e.schema(), a.schema()));
            }
        }, "extension ");
        named(expected.enums(), actual.enums(), e -> e.schema() + "." + e.name(), (e, a) -> {
            field(e.schema() + "." + e.name(), null, "values", String.join(", ", e.values()), String.join(", ", a.values()));
            field(e.schema() + "." + e.name(), null, "comment", e.comment(), a.comment());
        }, "enum ");
        named(expected.sequences(), actual.sequences(), s -> s.schema() + "." + s.name(), this::sequence, "sequence ");
        named(expected.tables(), actual.tables(), t -> t.schema() + "." + t.name(), this::table, "");
        types(expected, actual);
        named(expected.views(), actual.views(), v -> v.schema() + "." + v.name(), this::view, "view ");
        routines(expected, actual);
        attachments(expected, actual);
    }

    /** Domains, composite and range types (by name), exclusion constraints (by table and name), statistics. */
    private void types(SchemaGraph expected, SchemaGraph actual) {
        named(expected.domains(), actual.domains(), d -> d.schema() + "." + d.name(),
                (e, a) -> field("domain " + e.schema() + "." + e.name(), null, "definition", e.toString(), a.toString()),
                "domain ");
        named(expected.compositeTypes(), actual.compositeTypes(), t -> t.schema() + "." + t.name(),
                (e, a) -> field("composite type " + e.schema() + "." + e.name(), null, "attributes",
                        e.attributes().toString(), a.attributes().toString()), "composite type ");
        named(expected.rangeTypes(), actual.rangeTypes(), r -> r.schema() + "." + r.name(),
                (e, a) -> field("range type " + e.schema() + "." + e.name(), null, "definition", e.toString(),
                        a.toString()), "range type ");
        named(expected.exclusionConstraints(), actual.exclusionConstraints(),
                x -> x.schema() + "." + x.table() + " " + x.name(),
                (e, a) -> field(e.schema() + "." + e.table(), e.name(), "definition", e.definition(), a.definition()),
                "exclusion constraint ");
        named(expected.statistics(), actual.statistics(), x -> x.schema() + "." + x.name(),
                (e, a) -> field("statistics " + e.schema() + "." + e.name(), null, "definition", e.definition(),
                        a.definition()), "statistics ");
    }

    private void view(View e, View a) {
        String model = e.schema() + "." + e.name();
        field(model, null, "kind", e.kindName(), a.kindName());
        field(model, null, "definition", e.definition(), a.definition());
        field(model, null, "columns", e.columns().toString(), a.columns().toString());
        field(model, null, "options", String.join(", ", e.options()), String.join(", ", a.options()));
        // A materialized view that holds rows satisfies one declared WITH NO DATA (the differ never empties one).
        if (!e.withNoData() && a.withNoData()) {
            field(model, null, "populated", "populated", "not populated (WITH NO DATA)");
        }
        named(e.indexes(), a.indexes(), Index::name,
                (x, y) -> field(model, x.name(), "definition", x.asValid().toString(), y.asValid().toString()), model, "index ");
        field(model, null, "comment", e.comment(), a.comment());
    }

    /** Routines by signature, triggers by table and name, event triggers by name: each compared whole. */
    private void routines(SchemaGraph expected, SchemaGraph actual) {
        named(expected.routines(), actual.routines(), dev.zanith.api.schema.Routine::signature,
                (e, a) -> field(e.kind() + " " + e.signature(), null, "definition", e.definition(), a.definition()),
                "routine ");
        named(expected.triggers(), actual.triggers(), t -> t.qualifiedTable() + " " + t.name(), (e, a) -> {
            String model = e.qualifiedTable().toString();
            field(model, e.name(), "trigger definition", e.definition(), a.definition());
            field(model, e.name(), "trigger enabled", e.enabled(), a.enabled());
        }, "trigger on ");
        named(expected.eventTriggers(), actual.eventTriggers(), dev.zanith.api.schema.EventTrigger::name,
                (e, a) -> field("event trigger " + e.name(), null, "definition", e.toString(), a.toString()),
                "event trigger ");
    }

    /** Grants, default privileges and comments on objects without a comment field. */
    private void attachments(SchemaGraph expected, SchemaGraph actual) {
        // a routine one side lacks is one difference, not two: every routine holds PUBLIC's built-in EXECUTE
        java.util.Set<String> bothRoutines = expected.routines().stream().map(dev.zanith.api.schema.Routine::signature)
                .filter(r -> actual.routines().stream().anyMatch(a -> a.signature().equals(r)))
                .collect(java.util.stream.Collectors.toSet());
        named(routineGrantsOn(expected.grants(), bothRoutines), routineGrantsOn(actual.grants(), bothRoutines),
                SchemaComparison::grantName, (e, a) -> field(grantName(e), null,
                "grant option", e.grantable() ? "with grant option" : "without", a.grantable() ? "with grant option"
                        : "without"), "grant ");
        named(expected.defaultPrivileges(), actual.defaultPrivileges(), d -> (d.revoked() ? "built-in " : "")
                        + d.privilege() + " on new " + d.objects() + (d.schema() != null ? " in schema " + d.schema() : "")
                        + (d.revoked() ? " revoked from " : " to ") + d.grantee(),
                (e, a) -> field("default " + e.privilege() + " on new " + e.objects(), null, "grant option",
                        String.valueOf(e.grantable()), String.valueOf(a.grantable())), "default privilege ");
        named(expected.comments(), actual.comments(), SchemaComparison::commentName,
                (e, a) -> field(commentName(e), null, "comment", e.comment(), a.comment()), "comment on ");
    }

    /** The grants without those on a routine outside {@code routines} (signatures). */
    private static List<dev.zanith.api.schema.Grant> routineGrantsOn(List<dev.zanith.api.schema.Grant> grants,
                                                                    java.util.Set<String> routines) {
        return grants.stream().filter(g -> !g.on().equals("function") || routines.contains(g.name())).toList();
    }

    /** "SELECT on table public.users to app", "EXECUTE on function public.f(integer) to PUBLIC". */
    private static String grantName(dev.zanith.api.schema.Grant g) {
        String object = g.on().equals("function") ? g.name() : g.schema() + (g.name() != null ? "." + g.name() : "");
        return g.privilege() + " on " + g.on() + " " + object + (g.column() != null ? "." + g.column() : "") + " to "
                + g.grantee();
    }

    /**
     * "index public.users_email_idx", "constraint users_pkey on public.users", "schema billing",
     * "function public.f(integer,text)": the name is also the key comments are matched by, so overloads stay apart.
     */
    private static String commentName(dev.zanith.api.schema.ObjectComment c) {
        return switch (c.on()) {
            case "schema" -> "schema " + c.schema();
            case "constraint", "trigger", "policy" -> c.on() + " " + c.name() + " on " + c.schema() + "." + c.table();
            case dev.zanith.api.schema.ObjectComment.EVENT_TRIGGER -> "event trigger " + c.name();
            case dev.zanith.api.schema.ObjectComment.DOMAIN_CONSTRAINT -> "constraint " + c.name() + " on domain "
                    + c.schema() + "." + c.table();
            case "function", "procedure" -> c.on() + " " + c.schema() + "." + c.name() + "(" + c.arguments() + ")";
            default -> c.on() + " " + c.schema() + "." + c.name();
        };
    }

    private void sequence(Sequence e, Sequence a) {
        String model = e.schema() + "." + e.name();
        field(model, null, "options", e.options().toString(), a.options().toString());
        field(model, null, "owner", owner(e), owner(a));
    }

    private static String owner(Sequence s) {
        return s.ownedByTable() == null ? null : s.ownedByTable() + "." + s.ownedByColumn();
    }

    private void table(Table e, Table a) {
        String model = e.schema() + "." + e.name();
        named(e.columns(), a.columns(), Column::name, (ec, ac) -> {
            field(model, ec.name(), "type", ec.type(), ac.type());
            field(model, ec.name(), "nullability", ec.notNull() ? "NOT NULL" : "NULL", ac.notNull() ? "NOT NULL" : "NULL");
            field(model, ec.name(), "default", ec.defaultExpression(), ac.defaultExpression());
            field(model, ec.name(), "identity", String.valueOf(ec.identity()), String.valueOf(ac.identity()));
            field(model, ec.name(), "generated", String.valueOf(ec.generated()), String.valueOf(ac.generated()));
            field(model, ec.name(), "collation", ec.collation(), ac.collation());
            field(model, ec.name(), "comment", ec.comment(), ac.comment());
        }, model, "column ");
        field(model, "primary key", "definition", String.valueOf(e.primaryKey()), String.valueOf(a.primaryKey()));
        named(e.uniqueConstraints(), a.uniqueConstraints(), UniqueConstraint::name,
                (x, y) -> field(model, x.name(), "definition", x.toString(), y.toString()), model, "unique constraint ");
        named(e.checkConstraints(), a.checkConstraints(), CheckConstraint::name,
                (x, y) -> field(model, x.name(), "definition", x.toString(), y.toString()), model, "check constraint ");
        named(e.foreignKeys(), a.foreignKeys(), ForeignKey::name,
                (x, y) -> field(model, x.name(), "definition", x.toString(), y.toString()), model, "foreign key ");
        named(e.indexes(), a.indexes(), Index::name,
                (x, y) -> field(model, x.name(), "definition", x.asValid().toString(), y.asValid().toString()), model, "index ");
        named(e.policies(), a.policies(), Policy::name,
                (x, y) -> field(model, x.name(), "definition", x.toString(), y.toString()), model, "policy ");
        field(model, null, "row level security", rls(e), rls(a));
        field(model, null, "comment", e.comment(), a.comment());
        field(model, null, "persistence", e.unlogged() ? "unlogged" : "logged", a.unlogged() ? "unlogged" : "logged");
        field(model, null, "storage parameters", String.join(", ", e.storageParameters()),
                String.join(", ", a.storageParameters()));
    }

    private static String rls(Table t) {
        return t.rlsEnabled() ? (t.rlsForced() ? "enabled, forced" : "enabled") : (t.rlsForced() ? "forced only" : "off");
    }

    private void field(String model, String field, String aspect, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(new Difference(model, field, aspect, expected, actual));
        }
    }

    private <T> void named(List<T> expected, List<T> actual, Function<T, String> name, Pair<T> compare, String label) {
        named(expected, actual, name, compare, null, label);
    }

    /** Matches items by name: missing, unexpected, and the pairs handed to {@code compare}. */
    private <T> void named(List<T> expected, List<T> actual, Function<T, String> name, Pair<T> compare, String model,
                           String label) {
        Map<String, T> actualByName = new LinkedHashMap<>();
        actual.forEach(item -> actualByName.put(name.apply(item), item));
        Map<String, T> expectedByName = new LinkedHashMap<>();
        expected.forEach(item -> expectedByName.put(name.apply(item), item));
        for (T item : expected) {
            T other = actualByName.get(name.apply(item));
            if (other == null) {
                differences.add(model == null ? new Difference(label + name.apply(item), null, "missing", null, null)
                        : new Difference(model, name.apply(item), "missing", label.trim(), null));
            } else {
                compare.accept(item, other);
            }
        }
        for (T item : actual) {
            if (!expectedByName.containsKey(name.apply(item))) {
                differences.add(model == null ? new Difference(label + name.apply(item), null, "unexpected", null, null)
                        : new Difference(model, name.apply(item), "unexpected", null, label.trim()));
            }
        }
    }

    @FunctionalInterface
    private interface Pair<T> {
        void accept(T expected, T actual);
    }
}
