package dev.zanith.api.ops;

import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.GraphAttachments;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@link SchemaEffect}'s part for privileges, object comments and table storage: the effect of the operations that
 * change them, and how grants and comments follow an object renamed by any other operation (and go with one dropped).
 */
final class AttachmentEffect {

    private AttachmentEffect() {
    }

    /** Whether {@link #own} computes {@code op}'s effect. */
    static boolean handles(Operation op) {
        return op instanceof GrantPrivileges || op instanceof RevokePrivileges || op instanceof AlterDefaultPrivileges || op instanceof SetStorageParameters
                || op instanceof SetPersistence
                || op instanceof SetComment c && ObjectComment.KINDS.contains(c.on());
    }

    static SchemaGraph own(SchemaGraph graph, Operation op) {
        if (op instanceof GrantPrivileges o) {
            List<Grant> grants = new ArrayList<>(graph.grants());
            for (String privilege : o.privileges()) {
                Grant wanted = new Grant(o.on(), o.schema(), o.name(), o.column(), o.grantee(), privilege, o.grantable());
                boolean held = grants.removeIf(g -> g.sameTarget(wanted) && g.privilege().equals(privilege) && g.grantable());
                grants.removeIf(g -> g.sameTarget(wanted) && g.privilege().equals(privilege));
                grants.add(held ? new Grant(o.on(), o.schema(), o.name(), o.column(), o.grantee(), privilege, true) : wanted);
            }
            return graph.withGrants(grants);
        }
        if (op instanceof RevokePrivileges o) {
            Grant like = new Grant(o.on(), o.schema(), o.name(), o.column(), o.grantee(), "USAGE", false);
            List<Grant> grants = new ArrayList<>();
            for (Grant g : graph.grants()) {
                if (!g.sameTarget(like) || !o.privileges().contains(g.privilege())) {
                    grants.add(g);
                } else if (o.grantOptionOnly()) {
                    grants.add(new Grant(g.on(), g.schema(), g.name(), g.column(), g.grantee(), g.privilege(), false));
                }
            }
            return graph.withGrants(grants);
        }
        if (op instanceof AlterDefaultPrivileges o) {
            return graph.withDefaultPrivileges(defaults(graph.defaultPrivileges(), o));
        }
        if (op instanceof SetStorageParameters o) {
            return table(graph, o.table(), t -> {
                List<String> names = o.names();
                List<String> kept = new ArrayList<>(t.storageParameters().stream()
                        .filter(p -> !names.contains(SetStorageParameters.nameOf(p))).toList());
                kept.addAll(o.set());
                return t.withStorageParameters(kept);
            });
        }
        if (op instanceof SetPersistence o) {
            return table(graph, o.table(), t -> t.withUnlogged(o.unlogged()));
        }
        SetComment o = (SetComment) op;
        ObjectComment key = o.objectComment();
        List<ObjectComment> comments = new ArrayList<>(graph.comments().stream().filter(c -> !c.sameObject(key)).toList());
        if (o.comment() != null) {
            comments.add(key);
        }
        return graph.withComments(comments);
    }

    /**
     * The default privileges once {@code o} ran: the one rule for ALTER DEFAULT PRIVILEGES, as introspection reads
     * the result. What it names is replaced. For every schema, revoking a built-in default
     * ({@link DefaultPrivilege#builtIn}) leaves it {@linkplain DefaultPrivilege#revoked() revoked} and granting it back
     * leaves nothing (the built-in default holds again) unless WITH GRANT OPTION goes beyond it. Limited to a schema,
     * a revoke only takes away what that schema's row granted. The role's own privileges ({@link DefaultPrivilege#SELF})
     * are never listed as given.
     */
    private static List<DefaultPrivilege> defaults(List<DefaultPrivilege> current, AlterDefaultPrivileges o) {
        List<DefaultPrivilege> defaults = new ArrayList<>(current.stream()
                .filter(d -> !(Objects.equals(d.schema(), o.schema()) && d.objects().equals(o.objects())
                        && d.grantee().equals(o.grantee()) && o.privileges().contains(d.privilege())))
                .toList());
        for (String p : o.privileges()) {
            boolean builtIn = o.schema() == null && DefaultPrivilege.builtIn(o.objects(), o.grantee(), p);
            if (o.revoke() && builtIn) {
                defaults.add(DefaultPrivilege.revoked(o.objects(), o.grantee(), p));
            } else if (!o.revoke() && !o.grantee().equals(DefaultPrivilege.SELF) && !(builtIn && !o.grantable())) {
                defaults.add(new DefaultPrivilege(o.schema(), o.objects(), o.grantee(), p, o.grantable()));
            }
        }
        return defaults;
    }

    /**
     * {@code after} (the graph once {@code op} ran on {@code before}) with the grants and comments of renamed objects
     * under their new names and those of objects that are gone removed.
     */
    static SchemaGraph follow(SchemaGraph before, SchemaGraph after, Operation op) {
        // only what a step creates (a table, its serial sequences, a sequence, a schema) gets the defaults, not what it renames
        SchemaGraph moved = op instanceof CreateTable || op instanceof CreateSequence || op instanceof CreateSchema
                || op instanceof AddColumn || op instanceof CreateFunction ? withImpliedGrants(before, after) : after;
        if (moved.grants().isEmpty() && moved.comments().isEmpty()) {
            return moved;
        }
        if (op instanceof RenameTable o) {
            moved = rename(moved, g -> g.onTable(o.table()) ? regrant(g, g.schema(), o.newName(), g.column()) : g,
                    c -> ObjectComment.ON_TABLE.contains(c.on()) && c.schema().equals(o.table().schema())
                            && c.table().equals(o.table().name())
                            ? new ObjectComment(c.on(), c.schema(), o.newName(), c.name(), c.comment()) : c);
        } else if (op instanceof RenameColumn o) {
            moved = rename(moved, g -> g.on().equals("column") && g.onTable(o.table()) && g.column().equals(o.column())
                    ? regrant(g, g.schema(), g.name(), o.newName()) : g, UnaryOperator.identity());
        } else if (op instanceof RenameSequence o) {
            moved = rename(moved, g -> g.on().equals("sequence") && g.schema().equals(o.sequence().schema())
                            && o.sequence().name().equals(g.name()) ? regrant(g, g.schema(), o.newName(), null) : g,
                    c -> c.on().equals("sequence") && c.schema().equals(o.sequence().schema())
                            && o.sequence().name().equals(c.name())
                            ? new ObjectComment(c.on(), c.schema(), null, o.newName(), c.comment()) : c);
        } else if (op instanceof RenameIndex o) {
            moved = rename(moved, UnaryOperator.identity(), c -> c.on().equals("index")
                    && c.schema().equals(o.table().schema()) && o.name().equals(c.name())
                    ? new ObjectComment(c.on(), c.schema(), null, o.newName(), c.comment()) : c);
        } else if (op instanceof RenameConstraint o) {
            moved = rename(moved, UnaryOperator.identity(), c -> c.on().equals("constraint")
                    && c.schema().equals(o.table().schema()) && o.table().name().equals(c.table())
                    && o.name().equals(c.name())
                    ? new ObjectComment(c.on(), c.schema(), c.table(), o.newName(), c.comment()) : c);
        }
        return GraphAttachments.prune(moved);
    }

    /**
     * The tables, sequences, schemas and routines {@code after} has and {@code before} had not were created by the
     * migration role, so they start with the grants {@link GraphAttachments#implied} names: as the server does.
     */
    private static SchemaGraph withImpliedGrants(SchemaGraph before, SchemaGraph after) {
        List<Grant> grants = new ArrayList<>(after.grants());
        after.routines().stream().filter(r -> before.routines().stream().noneMatch(b -> b.signature().equals(r.signature())))
                .forEach(r -> grants.addAll(GraphAttachments.implied(after, "function", r.schema(), r.signature())));
        if (after.defaultPrivileges().isEmpty()) {
            return grants.size() == after.grants().size() ? after : after.withGrants(grants);
        }
        for (Table t : after.tables()) {
            if (before.table(t.qualifiedName()).isEmpty()) {
                grants.addAll(GraphAttachments.implied(after, "table", t.schema(), t.name()));
            }
        }
        after.sequences().stream().filter(s -> before.sequences().stream()
                        .noneMatch(b -> b.qualifiedName().equals(s.qualifiedName())))
                .forEach(s -> grants.addAll(GraphAttachments.implied(after, "sequence", s.schema(), s.name())));
        after.schemas().stream().filter(s -> !before.schemas().contains(s))
                .forEach(s -> grants.addAll(GraphAttachments.implied(after, "schema", s, null)));
        return grants.size() == after.grants().size() ? after : after.withGrants(grants);
    }

    private static Grant regrant(Grant g, String schema, String name, String column) {
        return new Grant(g.on(), schema, name, column, g.grantee(), g.privilege(), g.grantable());
    }

    private static SchemaGraph rename(SchemaGraph graph, UnaryOperator<Grant> grants, UnaryOperator<ObjectComment> comments) {
        return graph.withGrants(graph.grants().stream().map(grants).toList())
                .withComments(graph.comments().stream().map(comments).toList());
    }

    private static SchemaGraph table(SchemaGraph graph, TableName name, UnaryOperator<Table> change) {
        return graph.withTables(graph.tables().stream()
                .map(t -> Objects.equals(t.qualifiedName(), name) ? change.apply(t) : t).toList());
    }
}
