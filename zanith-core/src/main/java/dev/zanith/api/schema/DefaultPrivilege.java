package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One privilege the migration role's default privileges ({@code ALTER DEFAULT PRIVILEGES}, {@code pg_default_acl}
 * rows whose {@code defaclrole} is the connected role) give a grantee on objects that role creates from now on, or
 * one of PostgreSQL's built-in defaults they take away ({@link #revoked()}).
 * <p>
 * PostgreSQL's built-in defaults ({@code acldefault()}) hold without any row: PUBLIC's EXECUTE on functions and
 * USAGE on types, and the role's own privileges on everything it creates. A granted entry lists only what goes beyond
 * them. A revoked entry ({@code revoked: true}, written to JSON only when true) is a built-in default that the
 * all-schemas row ({@code defaclnamespace = 0}) no longer holds, as {@code ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON
 * FUNCTIONS FROM PUBLIC} or {@code ... REVOKE DELETE ON TABLES FROM CURRENT_USER} leave it; it is always for every
 * schema ({@code schema} null) and never grantable. Per-schema rows ({@code IN SCHEMA}) can only add to the
 * all-schemas ones: PostgreSQL accepts {@code ALTER DEFAULT PRIVILEGES IN SCHEMA s REVOKE EXECUTE ON FUNCTIONS FROM
 * PUBLIC} without an error but it changes nothing, no row is written (observed on 15 and 18,
 * {@code DefaultPrivilegeCatalogTest}).
 * <p>
 * The role's own privileges are named by the grantee {@link #SELF} ({@code CURRENT_USER}), whatever the role is
 * called: the declared schema is normalized by another role than the one that migrates. A role literally named
 * {@code "CURRENT_USER"} cannot be told apart from it, as one named {@code "PUBLIC"} cannot from PUBLIC. PostgreSQL
 * has a quirk there: an all-schemas row with every entry revoked (an empty list, as {@code REVOKE ALL ON TABLES FROM
 * CURRENT_USER} leaves it) is treated as no row when an object is created, so such an object still starts with the
 * role's privileges; the entry is listed all the same, as the row is there.
 *
 * @param schema    the schema the defaults are limited to ({@code IN SCHEMA}), or null for every schema
 * @param objects   {@code tables}, {@code sequences}, {@code functions}, {@code types} or {@code schemas}
 * @param grantee   the role, {@code PUBLIC}, or {@link #SELF} (only in a revoked entry)
 * @param privilege the privilege keyword ({@code SELECT}, {@code USAGE}, ...)
 * @param grantable WITH GRANT OPTION
 * @param revoked   a built-in default taken away ({@link #builtIn}) rather than a privilege given
 */
public record DefaultPrivilege(@Nullable String schema, String objects, String grantee, String privilege,
                               boolean grantable, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean revoked) {

    /** The object kinds ALTER DEFAULT PRIVILEGES names. */
    public static final List<String> OBJECTS = List.of("tables", "sequences", "functions", "types", "schemas");

    /** The grantee that stands for the migration role itself, as GRANT and REVOKE name it: {@code CURRENT_USER}. */
    public static final String SELF = "CURRENT_USER";

    /** The privilege keywords ALTER DEFAULT PRIVILEGES takes, by object kind (MAINTAIN: PostgreSQL 17+). */
    public static final Map<String, Set<String>> PRIVILEGES = Map.of(
            "tables", Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"),
            "sequences", Set.of("USAGE", "SELECT", "UPDATE"),
            "functions", Set.of("EXECUTE"),
            "types", Set.of("USAGE"),
            "schemas", Set.of("USAGE", "CREATE"));

    /** The canonical order: schema (all schemas first), objects, grantee, privilege. */
    public static final Comparator<DefaultPrivilege> ORDER = Comparator
            .comparing((DefaultPrivilege d) -> d.schema() == null ? "" : d.schema())
            .thenComparing(DefaultPrivilege::objects).thenComparing(DefaultPrivilege::grantee)
            .thenComparing(DefaultPrivilege::privilege).thenComparing(DefaultPrivilege::revoked);

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
        if (revoked && (schema != null || grantable || !builtIn(objects, grantee, privilege))) {
            throw new IllegalArgumentException("a revoked default privilege is one of PostgreSQL's built-in defaults, "
                    + "for every schema and without grant option (PUBLIC's EXECUTE on functions or USAGE on types, "
                    + "or " + SELF + "'s privileges), not " + privilege + " on " + objects + " for " + grantee
                    + (schema != null ? " in schema " + schema : "") + (grantable ? " with grant option" : ""));
        }
    }

    /** A privilege the defaults give. */
    public DefaultPrivilege(@Nullable String schema, String objects, String grantee, String privilege,
                            boolean grantable) {
        this(schema, objects, grantee, privilege, grantable, false);
    }

    /** A built-in default revoked for every schema. */
    public static DefaultPrivilege revoked(String objects, String grantee, String privilege) {
        return new DefaultPrivilege(null, objects, grantee, privilege, false, true);
    }

    /** Reads an entry; left out, {@code revoked} means a privilege given. */
    @JsonCreator
    static DefaultPrivilege json(@JsonProperty("schema") @Nullable String schema,
                                 @JsonProperty("objects") String objects, @JsonProperty("grantee") String grantee,
                                 @JsonProperty("privilege") String privilege,
                                 @JsonProperty("grantable") @Nullable Boolean grantable,
                                 @JsonProperty("revoked") @Nullable Boolean revoked) {
        return new DefaultPrivilege(schema, objects, grantee, privilege, grantable != null && grantable,
                revoked != null && revoked);
    }

    /**
     * Whether {@code privilege} on {@code objects} for {@code grantee} is one of PostgreSQL's built-in defaults
     * ({@code acldefault()}): PUBLIC's EXECUTE on functions and USAGE on types, and every privilege of the role
     * itself ({@link #SELF}).
     */
    public static boolean builtIn(String objects, String grantee, String privilege) {
        String p = privilege.toUpperCase(Locale.ROOT);
        if (grantee.equals(SELF)) {
            return PRIVILEGES.getOrDefault(objects, Set.of()).contains(p);
        }
        return grantee.equals("PUBLIC") && (objects.equals("functions") && p.equals("EXECUTE")
                || objects.equals("types") && p.equals("USAGE"));
    }
}
