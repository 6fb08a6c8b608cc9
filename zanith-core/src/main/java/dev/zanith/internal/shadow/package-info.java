/**
 * Implementation: shadow databases (embedded, temporary database, schema twins, URL) and declared-schema
 * normalization.
 */
package dev.zanith.internal.shadow;
