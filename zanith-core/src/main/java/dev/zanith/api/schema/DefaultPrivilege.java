package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One privilege the migration role's default privileges ({@code ALTER DEFAULT PRIVILEGES}, {@code pg_default_acl}
 * rows whose {@code defaclrole} is the connected role) give a grantee on objects that role creates from now on.
 * Only what goes beyond PostgreSQL's built-in defaults ({@code acldefault()}) is listed: the role's own privileges on
 * what it creates and PUBLIC's built-in EXECUTE on functions and USAGE on types are not, and revoking a built-in
 * default is not modelled.
 *
 * @param schema    the schema the defaults are limited to ({@code IN SCHEMA}), or null for every schema
 * @param objects   {@code tables}, {@code sequences}, {@code functions}, {@code types} or {@code schemas}
 * @param grantee   the role, or {@code PUBLIC}
 * @param privilege the privilege keyword ({@code SELECT}, {@code USAGE}, ...)
 * @param grantable WITH GRANT OPTION
 */
public record DefaultPrivilege(@Nullable String schema, String objects, String grantee, String privilege,
                               boolean grantable) {

    /** The object kinds ALTER DEFAULT PRIVILEGES names. */
    public static final List<String> OBJECTS = List.of("tables", "sequences", "functions", "types", "schemas");

    /** The canonical order: schema (all schemas first), objects, grantee, privilege. */
    public static final Comparator<DefaultPrivilege> ORDER = Comparator
            .comparing((DefaultPrivilege d) -> d.schema() == null ? "" : d.schema())
            .thenComparing(DefaultPrivilege::objects).thenComparing(DefaultPrivilege::grantee)
            .thenComparing(DefaultPrivilege::privilege);

    public DefaultPrivilege {
        Lists.require(objects, "default privilege object kind");
        Lists.require(grantee, "grantee");
        Lists.require(privilege, "privilege");
        if (!OBJECTS.contains(objects)) {
            throw new IllegalArgumentException("default privileges are on tables, sequences, functions, types or "
                    + "schemas, not '" + objects + "'");
        }
        if (schema != null && schema.isEmpty()) {
            schema = null;
        }
        privilege = privilege.toUpperCase(Locale.ROOT);
    }
}
