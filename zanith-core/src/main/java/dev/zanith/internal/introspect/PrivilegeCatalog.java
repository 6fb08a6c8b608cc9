package dev.zanith.internal.introspect;

import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.GraphAttachments;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.SchemaGraph;
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
        Object schemas = Jdbc.textArray(c, graph.schemas());
        List<Grant> grants = new ArrayList<>();
        Jdbc.query(c, SqlResources.get("introspect/grants.sql"), rs -> {
            grants.add(new Grant(rs.getString("object_kind"), rs.getString("schema_name"), rs.getString("object_name"),
                    rs.getString("column_name"), rs.getString("grantee"), rs.getString("privilege"),
                    rs.getBoolean("grantable")));
            return null;
        }, schemas, excludedPrefix);
        List<ObjectComment> comments = new ArrayList<>();
        Jdbc.query(c, SqlResources.get("introspect/object-comments.sql"), rs -> {
            comments.add(new ObjectComment(rs.getString("object_kind"), rs.getString("schema_name"),
                    rs.getString("table_name"), rs.getString("object_name"), rs.getString("arguments"),
                    rs.getString("comment")));
            return null;
        }, schemas);
        List<DefaultPrivilege> defaults = new ArrayList<>();
        Jdbc.query(c, SqlResources.get("introspect/default-privileges.sql"), rs -> {
            defaults.add(new DefaultPrivilege(rs.getString("schema_name"), rs.getString("objects"),
                    rs.getString("grantee"), rs.getString("privilege"), rs.getBoolean("grantable")));
            return null;
        }, schemas);
        return GraphAttachments.prune(graph.withGrants(grants).withComments(comments).withDefaultPrivileges(defaults));
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
