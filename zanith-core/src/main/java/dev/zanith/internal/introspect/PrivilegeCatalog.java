package dev.zanith.internal.introspect;

import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.GraphAttachments;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what the schema graph keeps beside its objects: the privileges granted on them ({@link Grant}, one
 * {@code aclexplode} query over tables, columns, sequences and schemas) and the comments on the objects without a
 * comment field of their own ({@link ObjectComment}, one query). Both keep only what is on an object the graph holds, so
 * that what is hidden from the graph (parked columns and tables, identity sequences, indexes backing constraints)
 * brings nothing along; and the connected role's default privileges ({@link DefaultPrivilege}, one query).
 */
public final class PrivilegeCatalog {

    private PrivilegeCatalog() {
    }

    /** {@code graph} with the grants and object comments read from the catalog, for {@code schemas}. */
    public static SchemaGraph attach(Connection c, SchemaGraph graph, String excludedPrefix) throws SQLException {
        return GraphAttachments.prune(graph.withGrants(grants(c, graph.schemas(), excludedPrefix, TableScope.ALL))
                .withComments(comments(c, graph.schemas(), TableScope.ALL))
                .withDefaultPrivileges(defaultPrivileges(c, graph.schemas())));
    }

    /**
     * {@code graph} with what {@link #attach} would read, reading only the grants and comments of the tables a refresh
     * re-read ({@code scope}) and keeping {@code previous}'s for every other table and object. Only valid while no
     * catalog row behind the kept ones changed: the global and attachment versions are as {@code previous} was read
     * at, and {@code graph} holds the same sequences ({@link Introspector#refresh} checks). {@code replaced} names the
     * tables whose grants and comments are replaced: those in {@code scope} and those dropped since;
     * {@code replacedIndexes} the indexes {@code previous} had on them (a comment on an index names no table).
     * The default privileges depend on the connected role: read again whole (one small query).
     */
    static SchemaGraph reattach(Connection c, SchemaGraph graph, SchemaGraph previous, TableScope scope,
                                Set<TableName> replaced, Set<TableName> replacedIndexes, String excludedPrefix)
            throws SQLException {
        List<Grant> grants = new ArrayList<>();
        for (Grant g : previous.grants()) {
            boolean onReplaced = (g.on().equals("table") || g.on().equals("column"))
                    && replaced.contains(new TableName(g.schema(), g.name()));
            if (!onReplaced) {
                grants.add(g);
            }
        }
        List<ObjectComment> comments = new ArrayList<>();
        for (ObjectComment comment : previous.comments()) {
            boolean onReplaced = switch (comment.on()) {
                case "constraint", "trigger", "policy" -> replaced.contains(new TableName(comment.schema(),
                        comment.table()));
                case "index" -> replacedIndexes.contains(new TableName(comment.schema(), comment.name()));
                default -> false;
            };
            if (!onReplaced) {
                comments.add(comment);
            }
        }
        if (!scope.tables().isEmpty()) {
            grants.addAll(grants(c, graph.schemas(), excludedPrefix, scope));
            comments.addAll(comments(c, graph.schemas(), scope));
        }
        return GraphAttachments.prune(graph.withGrants(grants).withComments(comments)
                .withDefaultPrivileges(defaultPrivileges(c, graph.schemas())));
    }

    private static final String GRANTS_OF_EVERYTHING = SqlResources.render("introspect/grants.sql",
            java.util.Map.of("relations", "TRUE"));
    private static final String GRANTS_OF_TABLES = SqlResources.render("introspect/grants.sql",
            java.util.Map.of("relations", "c.oid = ANY ((SELECT tables FROM scope)::oid[])"));

    private static List<Grant> grants(Connection c, List<String> schemas, String excludedPrefix, TableScope scope)
            throws SQLException {
        String sql = scope.everything() ? GRANTS_OF_EVERYTHING : GRANTS_OF_TABLES;
        return Jdbc.query(c, sql, rs -> new Grant(rs.getString("object_kind"),
                rs.getString("schema_name"), rs.getString("object_name"), rs.getString("column_name"),
                rs.getString("grantee"), rs.getString("privilege"), rs.getBoolean("grantable")),
                TableScope.concat(scope.parameters(c), Jdbc.textArray(c, schemas), excludedPrefix));
    }

    /** Every comment of {@code schemas}, or only those on the objects of the tables of {@code scope}. */
    private static List<ObjectComment> comments(Connection c, List<String> schemas, TableScope scope)
            throws SQLException {
        Jdbc.RowMapper<ObjectComment> comment = rs -> new ObjectComment(rs.getString("object_kind"),
                rs.getString("schema_name"), rs.getString("table_name"), rs.getString("object_name"),
                rs.getString("arguments"), rs.getString("comment"));
        return scope.everything()
                ? Jdbc.query(c, SqlResources.get("introspect/object-comments.sql"), comment, Jdbc.textArray(c, schemas))
                : Jdbc.query(c, SqlResources.get("introspect/object-comments-of-tables.sql"), comment,
                        Jdbc.longArray(c, new ArrayList<>(scope.tables())));
    }

    private static List<DefaultPrivilege> defaultPrivileges(Connection c, List<String> schemas) throws SQLException {
        return Jdbc.query(c, SqlResources.get("introspect/default-privileges.sql"), rs -> new DefaultPrivilege(
                rs.getString("schema_name"), rs.getString("objects"), rs.getString("grantee"),
                rs.getString("privilege"), rs.getBoolean("grantable"), rs.getBoolean("revoked")),
                Jdbc.textArray(c, schemas));
    }

    /** The roles among {@code names} (PUBLIC aside) that do not exist on the server behind {@code c}, sorted. */
    public static Set<String> missingRoles(Connection c, Collection<String> names) throws SQLException {
        List<String> wanted = names.stream().filter(n -> !n.equals("PUBLIC")).distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>(Jdbc.query(c, SqlResources.get("introspect/roles-present.sql"),
                rs -> rs.getString("role_name"), Jdbc.textArray(c, wanted)));
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(found);
        return missing;
    }
}
