package dev.zanith.api.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One privilege granted on one object to one role, as {@code aclexplode()} reads it from the object's access
 * control list ({@code pg_class.relacl}, {@code pg_attribute.attacl}, {@code pg_namespace.nspacl},
 * {@code pg_proc.proacl}). The owner's own privileges (implicit in ownership) and the privileges a database is created
 * with ({@code pg_init_privs}) are not grants of the schema and are never listed.
 * <p>
 * A function or procedure differs from the other kinds: PostgreSQL gives {@code EXECUTE} to {@code PUBLIC} on every
 * routine it creates (its built-in default, {@code acldefault('f', owner)}), so a routine whose access control list
 * was never changed lists that grant too, and {@code REVOKE EXECUTE ... FROM PUBLIC} shows as its absence.
 *
 * @param on        {@code table}, {@code column}, {@code sequence}, {@code schema} or {@code function} (a function or
 *                  a procedure: {@code GRANT ... ON ROUTINE} takes both)
 * @param schema    the object's schema (for {@code on: schema}, the schema itself)
 * @param name      the table or sequence; for {@code on: function}, the routine's signature as
 *                  {@link Routine#signature()} spells it ({@code public.f(integer,text)}); null for {@code on: schema}
 * @param column    the column, for {@code on: column}; null otherwise
 * @param grantee   the role, or {@code PUBLIC}
 * @param privilege the privilege keyword as PostgreSQL spells it ({@code SELECT}, {@code USAGE}, ...)
 * @param grantable whether it was granted WITH GRANT OPTION
 */
public record Grant(String on, String schema, @Nullable String name, @Nullable String column, String grantee,
                    String privilege, boolean grantable) {

    /** The object kinds a grant can be on. */
    public static final List<String> KINDS = List.of("table", "column", "sequence", "schema", "function");

    /** The canonical order: by object, then grantee, then privilege. */
    public static final Comparator<Grant> ORDER = Comparator.comparing(Grant::schema)
            .thenComparing(g -> g.name() == null ? "" : g.name())
            .thenComparing(g -> g.column() == null ? "" : g.column())
            .thenComparing(Grant::on)
            .thenComparing(Grant::grantee)
            .thenComparing(Grant::privilege);

    public Grant {
        Lists.require(on, "grant kind");
        Lists.require(schema, "grant schema");
        Lists.require(grantee, "grantee");
        Lists.require(privilege, "privilege");
        if (!KINDS.contains(on)) {
            throw new IllegalArgumentException("a grant is on a table, column, sequence, schema or function, not '" + on + "'");
        }
        privilege = privilege.toUpperCase(Locale.ROOT);
        if (on.equals("schema")) {
            name = null;
        } else {
            Lists.require(name, "the granted " + on + "'s name");
        }
        if (on.equals("column")) {
            Lists.require(column, "the granted column");
        } else {
            column = null;
        }
    }

    /** The same privilege on the same object for the same grantee (ignoring the grant option). */
    public boolean sameTarget(Grant other) {
        return on.equals(other.on) && schema.equals(other.schema) && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(column, other.column) && grantee.equals(other.grantee);
    }

    /** Whether the grant is on {@code table} (on the table itself or one of its columns). */
    public boolean onTable(TableName table) {
        return (on.equals("table") || on.equals("column")) && schema.equals(table.schema())
                && table.name().equals(name);
    }
}
