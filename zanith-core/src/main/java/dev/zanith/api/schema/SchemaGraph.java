package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable model of what a database contains: schemas, extensions, enums, sequences, tables (partitioned ones
 * with their partitions), domains, composite and range types, exclusion constraints, extended statistics, views and
 * materialized views, routines (functions and procedures), triggers and the migration role's event triggers, the
 * privileges granted on objects ({@link Grant}), the migration role's default privileges ({@link DefaultPrivilege})
 * and the comments on objects without a comment field ({@link ObjectComment}). Every collection is kept in one
 * canonical order, so equal databases give equal graphs and byte-identical JSON ({@link SchemaGraphJson}); a list
 * missing from JSON written before its kind was modelled reads as empty. Statistics live beside the graph
 * ({@link LiveSchema}), never inside it.
 */
@JsonIgnoreProperties({"format"})
public record SchemaGraph(List<String> schemas, List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences,
                          List<Table> tables, List<Domain> domains, List<CompositeType> compositeTypes,
                          List<RangeType> rangeTypes, List<ExclusionConstraint> exclusionConstraints,
                          List<StatisticsObject> statistics, List<View> views, List<Routine> routines,
                          List<Trigger> triggers, List<EventTrigger> eventTriggers, List<Grant> grants,
                          List<ObjectComment> comments, List<DefaultPrivilege> defaultPrivileges) {

    private static final SchemaGraph EMPTY = new SchemaGraph(List.of(), List.of(), List.of(), List.of(), List.of());

    /** A graph of schemas, extensions, enums, sequences and tables only. */
    public SchemaGraph(List<String> schemas, List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences,
                       List<Table> tables) {
        this(schemas, extensions, enums, sequences, tables, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public SchemaGraph {
        schemas = Lists.sorted(schemas, String::compareTo).stream().distinct().toList();
        extensions = Lists.sorted(extensions, Comparator.comparing(Extension::name));
        enums = Lists.sorted(enums, Comparator.comparing(EnumType::schema).thenComparing(EnumType::name));
        sequences = Lists.sorted(sequences, Comparator.comparing(Sequence::schema).thenComparing(Sequence::name));
        tables = Lists.sorted(tables, Comparator.comparing(Table::schema).thenComparing(Table::name));
        domains = Lists.sorted(domains, Comparator.comparing(Domain::schema).thenComparing(Domain::name));
        compositeTypes = Lists.sorted(compositeTypes, Comparator.comparing(CompositeType::schema).thenComparing(CompositeType::name));
        rangeTypes = Lists.sorted(rangeTypes, Comparator.comparing(RangeType::schema).thenComparing(RangeType::name));
        exclusionConstraints = Lists.sorted(exclusionConstraints, Comparator.comparing(ExclusionConstraint::schema)
                .thenComparing(ExclusionConstraint::table).thenComparing(ExclusionConstraint::name));
        statistics = Lists.sorted(statistics, Comparator.comparing(StatisticsObject::schema)
                .thenComparing(StatisticsObject::name));
        views = Lists.sorted(views, Comparator.comparing(View::schema).thenComparing(View::name));
        routines = Lists.sorted(routines, Comparator.comparing(Routine::schema).thenComparing(Routine::name)
                .thenComparing(Routine::signature));
        triggers = Lists.sorted(triggers, Comparator.comparing(Trigger::schema).thenComparing(Trigger::table)
                .thenComparing(Trigger::name));
        eventTriggers = Lists.sorted(eventTriggers, Comparator.comparing(EventTrigger::name));
        grants = Lists.sorted(grants, Grant.ORDER).stream().distinct().toList();
        comments = Lists.sorted(comments, ObjectComment.ORDER);
        defaultPrivileges = Lists.sorted(defaultPrivileges, DefaultPrivilege.ORDER).stream().distinct().toList();
    }

    public static SchemaGraph empty() {
        return EMPTY;
    }

    public Optional<Table> table(TableName name) {
        return tables.stream().filter(t -> t.schema().equals(name.schema()) && t.name().equals(name.name()))
                .findFirst();
    }

    public Optional<EnumType> enumType(String schema, String name) {
        return enums.stream().filter(e -> e.schema().equals(schema) && e.name().equals(name)).findFirst();
    }

    public int columnCount() {
        return tables.stream().mapToInt(t -> t.columns().size()).sum();
    }

    public int foreignKeyCount() {
        return tables.stream().mapToInt(t -> t.foreignKeys().size()).sum();
    }

    public int indexCount() {
        return tables.stream().mapToInt(t -> t.indexes().size()).sum();
    }

    public int policyCount() {
        return tables.stream().mapToInt(t -> t.policies().size()).sum();
    }

    /** "14 models · 86 fields · 23 relation edges". */
    public String summary() {
        return plural(tables.size(), "model") + " · " + plural(columnCount(), "field") + " · "
                + plural(foreignKeyCount(), "relation edge");
    }

    public SchemaGraph withTables(List<Table> newTables) {
        return new SchemaGraph(schemas, extensions, enums, sequences, newTables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withEnums(List<EnumType> newEnums) {
        return new SchemaGraph(schemas, extensions, newEnums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withExtensions(List<Extension> newExtensions) {
        return new SchemaGraph(schemas, newExtensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withSequences(List<Sequence> newSequences) {
        return new SchemaGraph(schemas, extensions, enums, newSequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withSchemas(List<String> newSchemas) {
        return new SchemaGraph(newSchemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withDomains(List<Domain> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, values, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withCompositeTypes(List<CompositeType> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, values, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withRangeTypes(List<RangeType> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, values,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withExclusionConstraints(List<ExclusionConstraint> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes, values,
                statistics, views, routines, triggers, eventTriggers, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withStatistics(List<StatisticsObject> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, values, views, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withViews(List<View> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, values, routines, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withRoutines(List<Routine> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, values, triggers, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withTriggers(List<Trigger> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, values, eventTriggers, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withEventTriggers(List<EventTrigger> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, values, grants, comments,
                defaultPrivileges);
    }

    public SchemaGraph withGrants(List<Grant> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, values, comments,
                defaultPrivileges);
    }

    public SchemaGraph withComments(List<ObjectComment> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, values,
                defaultPrivileges);
    }

    public SchemaGraph withDefaultPrivileges(List<DefaultPrivilege> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, domains, compositeTypes, rangeTypes,
                exclusionConstraints, statistics, views, routines, triggers, eventTriggers, grants, comments,
                values);
    }

    public Optional<Domain> domain(String schema, String name) {
        return domains.stream().filter(d -> d.schema().equals(schema) && d.name().equals(name)).findFirst();
    }

    public Optional<CompositeType> compositeType(String schema, String name) {
        return compositeTypes.stream().filter(d -> d.schema().equals(schema) && d.name().equals(name)).findFirst();
    }

    /** The view or materialized view of that name. */
    public Optional<View> view(TableName name) {
        return views.stream().filter(v -> v.schema().equals(name.schema()) && v.name().equals(name.name())).findFirst();
    }

    /** The routine with this {@link Routine#signature()}. */
    public Optional<Routine> routine(String signature) {
        return routines.stream().filter(r -> r.signature().equals(signature)).findFirst();
    }

    /** The triggers on {@code table}. */
    public List<Trigger> triggers(TableName table) {
        return triggers.stream().filter(t -> t.qualifiedTable().equals(table)).toList();
    }

    static String plural(long count, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
