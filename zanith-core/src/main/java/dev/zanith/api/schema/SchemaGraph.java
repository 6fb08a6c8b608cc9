package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable model of what a database contains: schemas, extensions, enums, sequences and tables, the
 * privileges granted on them ({@link Grant}), the migration role's default privileges ({@link DefaultPrivilege})
 * and the comments on objects without a comment field ({@link ObjectComment}). Every
 * collection is kept in one canonical order, so equal databases give equal graphs and byte-identical JSON
 * ({@link SchemaGraphJson}). Statistics live beside the graph ({@link LiveSchema}), never inside it.
 */
@JsonIgnoreProperties({"format"})
public record SchemaGraph(List<String> schemas, List<Extension> extensions, List<EnumType> enums,
                          List<Sequence> sequences, List<Table> tables, List<Grant> grants,
                          List<ObjectComment> comments, List<DefaultPrivilege> defaultPrivileges) {

    private static final SchemaGraph EMPTY = new SchemaGraph(List.of(), List.of(), List.of(), List.of(), List.of());

    public SchemaGraph {
        schemas = Lists.sorted(schemas, String::compareTo).stream().distinct().toList();
        extensions = Lists.sorted(extensions, Comparator.comparing(Extension::name));
        enums = Lists.sorted(enums, Comparator.comparing(EnumType::schema).thenComparing(EnumType::name));
        sequences = Lists.sorted(sequences, Comparator.comparing(Sequence::schema).thenComparing(Sequence::name));
        tables = Lists.sorted(tables, Comparator.comparing(Table::schema).thenComparing(Table::name));
        grants = Lists.sorted(grants, Grant.ORDER).stream().distinct().toList();
        comments = Lists.sorted(comments, ObjectComment.ORDER);
        defaultPrivileges = Lists.sorted(defaultPrivileges, DefaultPrivilege.ORDER).stream().distinct().toList();
    }

    /** A graph without grants, object comments or default privileges (the form before they were modelled). */
    public SchemaGraph(List<String> schemas, List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences,
                       List<Table> tables) {
        this(schemas, extensions, enums, sequences, tables, List.of(), List.of(), List.of());
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
        return new SchemaGraph(schemas, extensions, enums, sequences, newTables, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withEnums(List<EnumType> newEnums) {
        return new SchemaGraph(schemas, extensions, newEnums, sequences, tables, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withExtensions(List<Extension> newExtensions) {
        return new SchemaGraph(schemas, newExtensions, enums, sequences, tables, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withSequences(List<Sequence> newSequences) {
        return new SchemaGraph(schemas, extensions, enums, newSequences, tables, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withSchemas(List<String> newSchemas) {
        return new SchemaGraph(newSchemas, extensions, enums, sequences, tables, grants, comments, defaultPrivileges);
    }

    public SchemaGraph withGrants(List<Grant> newGrants) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, newGrants, comments, defaultPrivileges);
    }

    public SchemaGraph withComments(List<ObjectComment> newComments) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, grants, newComments, defaultPrivileges);
    }

    public SchemaGraph withDefaultPrivileges(List<DefaultPrivilege> values) {
        return new SchemaGraph(schemas, extensions, enums, sequences, tables, grants, comments, values);
    }

    static String plural(long count, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
