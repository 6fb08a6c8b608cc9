package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * REVOKE privileges (or only the grant option on them) from a role or PUBLIC, never CASCADE: a grant the role passed
 * on to others makes it fail rather than take those along unseen. Takes no lock on the table.
 *
 * @param grantable       the revoked grants carried the grant option (what {@link #reverse()} grants back)
 * @param grantOptionOnly {@code REVOKE GRANT OPTION FOR}: the role keeps the privileges, loses the right to pass
 *                        them on
 */
public record RevokePrivileges(String on, String schema, @Nullable String name, @Nullable String column,
                               String grantee, List<String> privileges, boolean grantable, boolean grantOptionOnly)
        implements Operation {

    public RevokePrivileges {
        privileges = Privileges.check("revokePrivileges", on, schema, name, column, grantee, privileges);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REVOKE_PRIVILEGES;
    }

    @Override
    public @Nullable TableName target() {
        return Privileges.table(on, schema, name);
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("REVOKE " + (grantOptionOnly ? "GRANT OPTION FOR " : "")
                + Privileges.clause(on, schema, name, column, privileges) + " FROM " + Privileges.role(grantee)
                + " RESTRICT");
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new GrantPrivileges(on, schema, name, column, grantee, privileges,
                grantable || grantOptionOnly));
    }

    @Override
    public String summary() {
        return "revoke " + (grantOptionOnly ? "grant option for " : "") + String.join(", ", privileges) + " on "
                + Privileges.describe(on, schema, name, column) + " from " + grantee;
    }
}
