package dev.zanith.internal.introspect;

import java.util.Map;

/**
 * Cheap fingerprints of the catalog rows introspection reads, from {@code introspect/catalog-versions-*.sql}: one
 * for the objects of no single table (schemas, extensions, types, functions, collations, roles), one per ordinary
 * table of the introspected schemas (an md5 over the oid and xmin of every catalog row read for it: a changed row
 * has a new xmin, a removed one is missing), and the name of every sequence by oid.
 *
 * @param global    md5 of the schema-wide catalog rows
 * @param tables    every ordinary table of the introspected schemas by oid, hidden ones (partitions, extension
 *                  members, Zanith's prefix) flagged
 * @param sequences   qualified sequence names by oid
 * @param attachments md5 of the rows behind grants on sequences and comments on indexes, constraints, sequences and
 *                    schemas (a change re-reads grants and comments only)
 */
public record CatalogVersions(String global, Map<Long, TableVersion> tables, Map<Long, String> sequences,
                              String attachments) {

    public CatalogVersions {
        tables = Map.copyOf(tables);
        sequences = Map.copyOf(sequences);
    }

    /** One table's name, whether introspection hides it, and the md5 of its catalog rows. */
    public record TableVersion(String schema, String name, boolean hidden, String version) {

        /** Same oid, other name or visibility: a rename, a soft drop or a restore. */
        boolean sameIdentity(TableVersion other) {
            return schema.equals(other.schema) && name.equals(other.name) && hidden == other.hidden;
        }
    }
}
