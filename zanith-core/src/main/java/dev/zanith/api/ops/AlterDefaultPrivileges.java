package dev.zanith.api.ops;

import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * ALTER DEFAULT PRIVILEGES [IN SCHEMA s] GRANT|REVOKE ... ON TABLES|SEQUENCES|FUNCTIONS|TYPES|SCHEMAS for the role the
 * migration runs as: what objects it creates from now on grant to a role. Objects that exist already are unaffected;
 * no table is locked.
 * <p>
 * For every schema it also takes away and gives back PostgreSQL's built-in defaults
 * ({@link DefaultPrivilege#builtIn}): {@code REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC}, {@code REVOKE USAGE ON TYPES
 * FROM PUBLIC}, and the role's own privileges with the grantee {@link DefaultPrivilege#SELF}, rendered
 * {@code CURRENT_USER}. What the step does to the schema graph is {@code AttachmentEffect}'s one rule for it.
 *
 * @param schema     the schema the defaults are limited to, or absent for every schema
 * @param objects    {@code tables}, {@code sequences}, {@code functions}, {@code types} or {@code schemas}
 * @param grantee    the role, {@code PUBLIC}, or {@link DefaultPrivilege#SELF} for the migration role itself
 * @param privileges privilege keywords, stored upper-case and sorted
 * @param grantable  WITH GRANT OPTION (for a revoke: the revoked defaults carried it, what {@link #reverse()} restores)
 * @param revoke     REVOKE instead of GRANT
 */
public record AlterDefaultPrivileges(@Nullable String schema, String objects, String grantee, List<String> privileges,
                                     boolean grantable, boolean revoke) implements Operation {

    public AlterDefaultPrivileges {
        Require.present(objects, "alterDefaultPrivileges", "objects");
        Require.present(grantee, "alterDefaultPrivileges", "grantee");
        if (!DefaultPrivilege.OBJECTS.contains(objects)) {
            throw new IllegalArgumentException("alterDefaultPrivileges 'objects' must be one of "
                    + String.join(", ", DefaultPrivilege.OBJECTS) + ", not '" + objects + "'");
        }
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
        if (schema != null && objects.equals("schemas")) {
            throw new IllegalArgumentException("alterDefaultPrivileges on schemas cannot be limited to a schema");
        }
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("alterDefaultPrivileges requires 'privileges' (e.g. [SELECT])");
        }
        privileges = privileges.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
        for (String privilege : privileges) {
            if (!DefaultPrivilege.PRIVILEGES.get(objects).contains(privilege)) {
                throw new IllegalArgumentException("alterDefaultPrivileges: " + privilege + " is not a privilege on "
                        + objects + " (one of " + String.join(", ", DefaultPrivilege.PRIVILEGES.get(objects).stream().sorted().toList()) + ")");
            }
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ALTER_DEFAULT_PRIVILEGES;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String scope = schema == null ? "" : " IN SCHEMA " + Identifiers.quote(schema);
        String what = String.join(", ", privileges) + " ON " + objects.toUpperCase(Locale.ROOT);
        return Statements.of("ALTER DEFAULT PRIVILEGES" + scope + (revoke
                ? " REVOKE " + what + " FROM " + role() + " RESTRICT"
                : " GRANT " + what + " TO " + role() + (grantable ? " WITH GRANT OPTION" : "")));
    }

    /** The grantee as GRANT and REVOKE name it: {@link DefaultPrivilege#SELF} is the keyword CURRENT_USER. */
    private String role() {
        return grantee.equals(DefaultPrivilege.SELF) ? "CURRENT_USER" : Privileges.role(grantee);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new AlterDefaultPrivileges(schema, objects, grantee, privileges, grantable, !revoke));
    }

    @Override
    public String summary() {
        return (revoke ? "stop granting " : "grant ") + String.join(", ", privileges) + " on new " + objects
                + (schema != null ? " in schema " + schema : "") + " to "
                + (grantee.equals(DefaultPrivilege.SELF) ? "the migration role itself" : grantee) + " by default";
    }
}
