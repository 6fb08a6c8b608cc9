package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GRANT privileges on a table, some of its columns' privileges on one column, a sequence, a schema or a routine to a
 * role that exists (or PUBLIC). Takes no lock on the table: it rewrites the object's catalog row (from PostgreSQL 18,
 * ACCESS SHARE on a table or column's table; observed by RiskObservationTest).
 *
 * @param on         {@code table}, {@code column}, {@code sequence}, {@code schema} or {@code function} (a function or a
 *                   procedure: {@code GRANT EXECUTE ON ROUTINE})
 * @param schema     the object's schema (for {@code on: schema}, the schema itself)
 * @param name       the table or sequence; the routine's signature ({@code public.f(integer)}) for
 *                   {@code on: function}; absent for {@code on: schema}
 * @param column     the column, for {@code on: column}
 * @param grantee    the role, or {@code PUBLIC}
 * @param privileges privilege keywords ({@code SELECT}, {@code USAGE}, ...), stored upper-case and sorted
 * @param grantable  WITH GRANT OPTION
 */
public record GrantPrivileges(String on, String schema, @Nullable String name, @Nullable String column,
                              String grantee, List<String> privileges, boolean grantable) implements Operation {

    public GrantPrivileges {
        privileges = Privileges.check("grantPrivileges", on, schema, name, column, grantee, privileges);
        if (grantable && "PUBLIC".equals(grantee)) {
            // the server refuses it (0LP01: grant options can only be granted to roles); say so before anything runs
            throw new IllegalArgumentException("grantPrivileges: WITH GRANT OPTION (grantable: true) can only be given "
                    + "to a role, not to PUBLIC");
        }
    }

    @Override
    public OperationKind kind() {
        return OperationKind.GRANT_PRIVILEGES;
    }

    @Override
    public @Nullable TableName target() {
        return Privileges.table(on, schema, name);
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("GRANT " + Privileges.clause(on, schema, name, column, privileges) + " TO "
                + Privileges.role(grantee) + (grantable ? " WITH GRANT OPTION" : ""));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RevokePrivileges(on, schema, name, column, grantee, privileges, grantable, false));
    }

    @Override
    public String summary() {
        return "grant " + String.join(", ", privileges) + " on " + Privileges.describe(on, schema, name, column)
                + " to " + grantee + (grantable ? " with grant option" : "");
    }
}
