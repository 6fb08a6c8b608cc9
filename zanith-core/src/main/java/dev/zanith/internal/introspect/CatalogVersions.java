package dev.zanith.internal.introspect;

import java.util.Map;

/**
 * Cheap fingerprints of the catalog rows introspection reads, from {@code introspect/catalog-versions-*.sql}: one
 * for the objects of no single table (schemas, extensions, types, functions, collations, roles), one per ordinary
 * table of the introspected schemas, one for what hangs beside the objects, and the name of every sequence by oid.
 * Each fingerprint is made of order-independent aggregates over the (kind, id, xmin) of its catalog rows: their
 * count, the sum of their xmins and the sum of a 64-bit hash of each. A changed row has a new xmin (greater than the
 * one it replaces, barring wraparound), a removed one is missing: the count or the xmin sum moves, and a change that
 * left both in place would also have to leave the hash sum unchanged. No text is built, hashed or sorted per row,
 * which made reading the versions the larger part of a refresh.
 *
 * Both schema-wide fingerprints are kept per part (the kind numbers of their queries), so that a refresh after an
 * observed change computes only the parts it may have touched ({@link CatalogParts}); a part without rows is absent.
 *
 * @param global    fingerprint of the schema-wide catalog rows, by part
 * @param tables    every ordinary table of the introspected schemas by oid, hidden ones (partitions, extension
 *                  members, Zanith's prefix) flagged
 * @param sequences   qualified sequence names by oid
 * @param attachments fingerprint of the rows behind what no table's version covers: sequences (names, grants,
 *                    options), comments on indexes, sequences, constraints, triggers, policies, routines, types,
 *                    statistics, event triggers and schemas, pg_init_privs and default privileges. While it stays the
 *                    same, a refresh reads grants, comments and sequences for the re-read tables only; when it
 *                    changes, whole; by part
 */
public record CatalogVersions(Map<Integer, String> global, Map<Long, TableVersion> tables,
                              Map<Long, String> sequences, Map<Integer, String> attachments) {

    public CatalogVersions {
        global = Map.copyOf(global);
        tables = Map.copyOf(tables);
        sequences = Map.copyOf(sequences);
        attachments = Map.copyOf(attachments);
    }

    /** One table's name, whether introspection hides it, and the fingerprint of its catalog rows. */
    public record TableVersion(String schema, String name, boolean hidden, String version) {

        /** Same oid, other name or visibility: a rename, a soft drop or a restore. */
        boolean sameIdentity(TableVersion other) {
            return schema.equals(other.schema) && name.equals(other.name) && hidden == other.hidden;
        }
    }
}
