package dev.zanith.api.schema;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the graph keeps beside its objects ({@link SchemaGraph#grants()}, {@link SchemaGraph#comments()},
 * {@link SchemaGraph#defaultPrivileges()} limited to a schema) stays only
 * as long as the object does: one rule for introspection (what is hidden from the graph brings nothing along) and for
 * the computed effect of a step (a dropped table's grants are gone with it, as on the server).
 */
public final class GraphAttachments {

    private GraphAttachments() {
    }

    /** {@code graph} keeping only the grants and comments whose object it holds. */
    public static SchemaGraph prune(SchemaGraph graph) {
        List<Grant> grants = graph.grants().stream().filter(g -> exists(graph, g)).toList();
        List<ObjectComment> comments = graph.comments().stream().filter(c -> exists(graph, c)).toList();
        List<DefaultPrivilege> defaults = graph.defaultPrivileges().stream()
                .filter(d -> d.schema() == null || graph.schemas().contains(d.schema())).toList();
        if (grants.size() == graph.grants().size() && comments.size() == graph.comments().size()
                && defaults.size() == graph.defaultPrivileges().size()) {
            return graph;
        }
        return graph.withGrants(grants).withComments(comments).withDefaultPrivileges(defaults);
    }

    /**
     * The grants an object the migration role creates starts with: its default privileges
     * ({@link SchemaGraph#defaultPrivileges()} of {@code graph}) and, for a routine, PostgreSQL's built-in EXECUTE to
     * PUBLIC ({@code acldefault('f', owner)}). {@code on} is {@code table}, {@code sequence}, {@code schema} or
     * {@code function} ({@code name} then the routine's signature); {@code name} is null for a schema.
     * <p>
     * The role's default privileges can take PUBLIC's EXECUTE away ({@code ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON
     * FUNCTIONS FROM PUBLIC}, a {@linkplain DefaultPrivilege#revoked() revoked} entry): a routine then starts without
     * it, as the server creates it.
     */
    public static List<Grant> implied(SchemaGraph graph, String on, String schema, String name) {
        String objects = switch (on) {
            case "table" -> "tables";
            case "sequence" -> "sequences";
            case "schema" -> "schemas";
            case "function" -> "functions";
            default -> throw new IllegalArgumentException("no default privileges for " + on);
        };
        List<Grant> builtIn = on.equals("function") && !graph.defaultPrivileges()
                .contains(DefaultPrivilege.revoked("functions", "PUBLIC", "EXECUTE"))
                ? List.of(new Grant(on, schema, name, null, "PUBLIC", "EXECUTE", false)) : List.of();
        return java.util.stream.Stream.concat(builtIn.stream(), graph.defaultPrivileges().stream()
                        .filter(d -> !d.revoked() && d.objects().equals(objects)
                                && (d.schema() == null || d.schema().equals(schema)))
                        .map(d -> new Grant(on, schema, name, null, d.grantee(), d.privilege(), d.grantable())))
                .distinct().toList();
    }

    /** The names of the constraints the graph models on {@code table}. */
    public static Set<String> constraintNames(Table table) {
        Set<String> names = new TreeSet<>();
        if (table.primaryKey() != null) {
            names.add(table.primaryKey().name());
        }
        table.uniqueConstraints().forEach(u -> names.add(u.name()));
        table.checkConstraints().forEach(k -> names.add(k.name()));
        table.foreignKeys().forEach(f -> names.add(f.name()));
        return names;
    }

    private static boolean exists(SchemaGraph graph, Grant g) {
        return switch (g.on()) {
            case "schema" -> graph.schemas().contains(g.schema());
            case "sequence" -> hasSequence(graph, g.schema(), g.name());
            case "function" -> graph.routines().stream().anyMatch(r -> r.signature().equals(g.name()));
            case "column" -> graph.table(new TableName(g.schema(), g.name())).flatMap(t -> t.column(g.column()))
                    .isPresent();
            default -> graph.table(new TableName(g.schema(), g.name())).isPresent();
        };
    }

    private static boolean exists(SchemaGraph graph, ObjectComment c) {
        return switch (c.on()) {
            case "schema" -> graph.schemas().contains(c.schema());
            case "sequence" -> hasSequence(graph, c.schema(), c.name());
            case "index" -> graph.tables().stream().anyMatch(t -> t.schema().equals(c.schema())
                    && t.indexes().stream().anyMatch(i -> i.name().equals(c.name())));
            case "constraint" -> graph.table(new TableName(c.schema(), c.table()))
                    .map(t -> constraintNames(t).contains(c.name())).orElse(false);
            case "trigger" -> graph.triggers(new TableName(c.schema(), c.table())).stream()
                    .anyMatch(t -> t.name().equals(c.name()));
            case "policy" -> graph.table(new TableName(c.schema(), c.table()))
                    .map(t -> t.policies().stream().anyMatch(p -> p.name().equals(c.name()))).orElse(false);
            case "domain" -> graph.domain(c.schema(), c.name()).isPresent();
            case "compositeType" -> graph.compositeType(c.schema(), c.name()).isPresent();
            case "rangeType" -> graph.rangeTypes().stream()
                    .anyMatch(r -> r.schema().equals(c.schema()) && r.name().equals(c.name()));
            case "statistics" -> graph.statistics().stream()
                    .anyMatch(s -> s.schema().equals(c.schema()) && s.name().equals(c.name()));
            case ObjectComment.EVENT_TRIGGER -> graph.eventTriggers().stream().anyMatch(e -> e.name().equals(c.name()));
            case ObjectComment.DOMAIN_CONSTRAINT -> graph.domain(c.schema(), c.table())
                    .map(d -> d.constraints().stream().anyMatch(k -> k.name().equals(c.name()))).orElse(false);
            default -> graph.routines().stream().anyMatch(c::isOn);
        };
    }

    private static boolean hasSequence(SchemaGraph graph, String schema, String name) {
        return graph.sequences().stream().anyMatch(s -> s.schema().equals(schema) && s.name().equals(name));
    }
}
