package dev.zanith.internal.introspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which parts of the schema-wide catalog versions an observed migration ({@link CatalogChanges}) may have changed:
 * the one place that says which catalogs each part of {@code introspect/catalog-versions-global.sql} and
 * {@code introspect/catalog-versions-attachments.sql} reads. A refresh computes those parts again and keeps the
 * others' earlier fingerprints, so that a migration that creates a table no longer reads every function, type,
 * sequence, comment and view of the schema.
 * <p>
 * Two facts decide: the system catalogs the migration's transactions inserted, updated or deleted rows of
 * ({@code pg_stat_xact_sys_tables}), and the relations it touched ({@link Scope}: those it locked, and those whose
 * {@code pg_class} or {@code pg_attribute} rows it updated without a lock). A part that reads catalogs nobody wrote
 * cannot have changed. The parts over {@code pg_class}, {@code pg_attribute} and {@code pg_sequence} rows, which
 * nearly every DDL statement writes, go by the touched relations instead: a sequence, view or composite type is
 * created, altered and dropped under a lock on itself, and the rows of one that changed without a lock (a
 * {@code GRANT}, or a relation whose schema moved with its table's) are found by their xmin. A relation that is gone
 * may have been any of them. Changes other sessions made meanwhile are not seen, as for the tables
 * ({@link CatalogChanges}).
 */
final class CatalogParts {

    /** The system catalogs whose writes {@link CatalogChanges} reports: those the parts below go by. */
    static final List<String> WATCHED = List.of("pg_namespace", "pg_extension", "pg_type", "pg_enum", "pg_proc",
            "pg_collation", "pg_authid", "pg_constraint", "pg_statistic_ext", "pg_event_trigger", "pg_description",
            "pg_init_privs", "pg_default_acl");

    /** The parts of catalog-versions-global.sql, by kind number. */
    static final List<Integer> ALL_GLOBAL = IntStream.rangeClosed(1, 12).boxed().toList();
    /** The parts of catalog-versions-attachments.sql, by kind number. */
    static final List<Integer> ALL_ATTACHMENTS = IntStream.rangeClosed(1, 9).boxed().toList();

    private CatalogParts() {
    }

    /**
     * What {@code catalog-versions-scope.sql} found an observed migration may have touched.
     *
     * @param tables            the ordinary and partitioned tables whose versions are read again
     * @param sequences         touched sequences (identity columns' included) that still exist, by oid
     * @param plainSequences    whether a touched sequence is no identity column's
     * @param views             whether a touched relation is a view or materialized view
     * @param composites        whether a touched relation is a composite type's
     * @param commented         whether a touched index, sequence, view or composite type has comments
     * @param gone              whether a touched relation no longer exists
     */
    record Scope(Set<Long> tables, Set<Long> sequences, boolean plainSequences, boolean views, boolean composites,
                 boolean commented, boolean gone) {

        /** Collects the rows of catalog-versions-scope.sql. */
        static final class Builder {
            private final Set<Long> tables = new HashSet<>();
            private final Set<Long> sequences = new HashSet<>();
            private boolean plainSequences;
            private boolean views;
            private boolean composites;
            private boolean commented;
            private boolean gone;

            void add(ResultSet rs) throws SQLException {
                long oid = rs.getLong("oid");
                if (rs.getBoolean("is_table")) {
                    tables.add(oid);
                    return;
                }
                String relkind = rs.getString("relkind");
                if (relkind == null) {
                    gone = true;
                    return;
                }
                switch (relkind) {
                    case "S" -> {
                        sequences.add(oid);
                        plainSequences |= !rs.getBoolean("identity");
                    }
                    case "v", "m" -> views = true;
                    case "c" -> composites = true;
                    default -> {
                        // an index: only its comments matter beyond its table's version
                    }
                }
                commented |= rs.getBoolean("commented");
            }

            /** Adds a table found otherwise (the owner of a dropped owned sequence). */
            void table(long oid) {
                tables.add(oid);
            }

            Scope build() {
                return new Scope(Set.copyOf(tables), Set.copyOf(sequences), plainSequences, views, composites,
                        commented, gone);
            }
        }
    }

    /** The parts of catalog-versions-global.sql that {@code changes} may have changed. */
    static List<Integer> global(CatalogChanges changes, Scope scope) {
        Set<String> written = changes.writtenCatalogs();
        // every part but the roles, extensions and event triggers is limited to the introspected schemas by name
        boolean schemas = wrote(written, "pg_namespace");
        boolean types = schemas || wrote(written, "pg_type");
        boolean composites = schemas || scope.composites() || scope.gone();
        List<Integer> parts = new ArrayList<>();
        add(parts, 1, schemas);
        add(parts, 2, wrote(written, "pg_extension"));
        add(parts, 3, types);
        add(parts, 4, types || wrote(written, "pg_enum"));
        add(parts, 5, schemas || wrote(written, "pg_proc"));
        add(parts, 6, schemas || wrote(written, "pg_collation"));
        add(parts, 7, wrote(written, "pg_authid"));
        add(parts, 8, types || wrote(written, "pg_constraint"));
        add(parts, 9, composites);
        add(parts, 10, composites);
        add(parts, 11, schemas || wrote(written, "pg_statistic_ext"));
        add(parts, 12, wrote(written, "pg_event_trigger"));
        return parts;
    }

    /** The parts of catalog-versions-attachments.sql that {@code changes} may have changed. */
    static List<Integer> attachments(CatalogChanges changes, Scope scope) {
        Set<String> written = changes.writtenCatalogs();
        boolean schemas = wrote(written, "pg_namespace");
        boolean views = schemas || scope.views() || scope.gone();
        List<Integer> parts = new ArrayList<>();
        add(parts, 1, schemas || scope.plainSequences() || scope.gone());
        // a comment row changes only when written; which ones count changes with the relation they describe
        add(parts, 2, schemas || wrote(written, "pg_description") || scope.commented());
        add(parts, 3, wrote(written, "pg_init_privs"));
        add(parts, 4, wrote(written, "pg_default_acl"));
        for (int part = 5; part <= 9; part++) {
            add(parts, part, views);
        }
        return parts;
    }

    /**
     * Whether every sequence name must be read again (a schema written: its name may have changed); otherwise only
     * those of {@link Scope#sequences()}, and the gone ones forgotten.
     */
    static boolean allSequenceNames(CatalogChanges changes) {
        return wrote(changes.writtenCatalogs(), "pg_namespace");
    }

    /** Whether {@code catalog} was written; it must be one {@link CatalogChanges} reports on. */
    private static boolean wrote(Set<String> written, String catalog) {
        if (!WATCHED.contains(catalog)) {
            throw new IllegalStateException(catalog + " is not among the catalogs whose writes are reported");
        }
        return written.contains(catalog);
    }

    private static void add(List<Integer> parts, int part, boolean changed) {
        if (changed) {
            parts.add(part);
        }
    }
}
