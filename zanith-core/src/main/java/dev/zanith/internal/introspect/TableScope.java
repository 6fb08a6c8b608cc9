package dev.zanith.internal.introspect;

import dev.zanith.internal.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which tables a scoped catalog query reads for: all of them (a full introspection), or only the ones a refresh
 * re-reads ({@link Introspector#refresh}), whose grants, comments, triggers and owned sequences it then replaces
 * while keeping every other table's from the earlier reading. Bound as the queries' {@code everything (boolean),
 * table oids (bigint[])} parameter pair.
 *
 * @param everything whether to read for every table (then {@code tables} is ignored)
 * @param tables     the oids of the tables to read for when not everything
 */
record TableScope(boolean everything, Set<Long> tables) {

    static final TableScope ALL = new TableScope(true, Set.of());

    TableScope {
        tables = Set.copyOf(tables);
    }

    static TableScope of(Set<Long> tables) {
        return new TableScope(false, tables);
    }

    /** The {@code everything, table oids} parameters. */
    Object[] parameters(Connection c) throws SQLException {
        return new Object[]{everything, Jdbc.longArray(c, new ArrayList<>(tables))};
    }

    /** {@code first} followed by {@code rest}, for binding a scope among other parameters. */
    static Object[] concat(Object[] first, Object... rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(java.util.Arrays.asList(rest));
        return all.toArray();
    }
}
