/**
 * The immutable schema graph (tables, columns, constraints, indexes, enums, sequences, extensions, policies), its
 * deterministic JSON form and fingerprint, as introspected from PostgreSQL's catalogs or declared.
 */
@NullMarked
package dev.zanith.api.schema;

import org.jspecify.annotations.NullMarked;
