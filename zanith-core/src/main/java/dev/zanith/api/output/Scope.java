package dev.zanith.api.output;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.schema.EnumType;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Sequence;
import dev.zanith.api.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The schemas a diff manages. By default they are the schemas the declared schema creates or has objects in
 * ({@code public} only when it has objects, or when nothing else is declared); an explicit list (the
 * {@code --schemas} option) narrows or widens that, and then a declared object outside it is an error, never
 * silently ignored.
 *
 * @param schemas  the schemas in scope, sorted
 * @param explicit whether they were given explicitly rather than read from the declared schema
 */
public record Scope(List<String> schemas, boolean explicit) {

    public Scope {
        schemas = List.copyOf(new TreeSet<>(schemas));
    }

    /**
     * The scope for {@code declared}, read over every schema it has.
     *
     * @param explicit the schemas given explicitly, or null to take the declared schema's own
     * @throws ZanithConfigException naming every declared table, enum or sequence outside an explicit scope
     */
    public static Scope of(SchemaGraph declared, @Nullable List<String> explicit) {
        if (explicit == null) {
            TreeSet<String> used = new TreeSet<>(declared.schemas());
            used.remove("public"); // exists in every database: "used" only when it holds something
            used.addAll(objectSchemas(declared));
            return new Scope(used.isEmpty() ? List.of("public") : new ArrayList<>(used), false);
        }
        List<String> outside = new ArrayList<>();
        for (Table table : declared.tables()) {
            if (!explicit.contains(table.schema())) {
                outside.add("table " + table.qualifiedName());
            }
        }
        for (EnumType type : declared.enums()) {
            if (!explicit.contains(type.schema())) {
                outside.add("enum " + type.schema() + "." + type.name());
            }
        }
        for (Sequence sequence : declared.sequences()) {
            if (!explicit.contains(sequence.schema())) {
                outside.add("sequence " + sequence.qualifiedName());
            }
        }
        if (!outside.isEmpty()) {
            throw new ZanithConfigException("The declared schema has " + String.join(", ", outside) + " outside --schemas "
                    + String.join(",", explicit) + ", so generate would ignore " + (outside.size() == 1 ? "it" : "them")
                    + ". Add " + String.join(",", new TreeSet<>(outside.stream()
                    .map(o -> o.substring(o.indexOf(' ') + 1, o.lastIndexOf('.'))).toList()))
                    + " to --schemas, or leave --schemas out: the schemas the declared file uses are the default.");
        }
        return new Scope(explicit, true);
    }

    /** {@code graph} cut to this scope: its schemas, and the tables, enums and sequences in them. */
    public SchemaGraph restrict(SchemaGraph graph) {
        return dev.zanith.api.schema.GraphAttachments.prune(graph.withSchemas(graph.schemas().stream().filter(schemas::contains).toList())
                .withTables(graph.tables().stream().filter(t -> schemas.contains(t.schema())).toList())
                .withEnums(graph.enums().stream().filter(e -> schemas.contains(e.schema())).toList())
                .withSequences(graph.sequences().stream().filter(s -> schemas.contains(s.schema())).toList()));
    }

    /** "public, schema_1 (from the declared schema)". */
    public String describe() {
        return String.join(", ", schemas) + (explicit ? " (from --schemas)" : " (the schemas the declared file "
                + "uses; --schemas changes this)");
    }

    private static TreeSet<String> objectSchemas(SchemaGraph graph) {
        TreeSet<String> schemas = new TreeSet<>();
        graph.tables().forEach(t -> schemas.add(t.schema()));
        graph.enums().forEach(e -> schemas.add(e.schema()));
        graph.sequences().forEach(s -> schemas.add(s.schema()));
        return schemas;
    }
}
