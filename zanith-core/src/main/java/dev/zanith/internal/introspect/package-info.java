/**
 * Implementation: set-based catalog queries that turn a database into a schema graph, and the catalog facts the
 * risk model reads.
 */
package dev.zanith.internal.introspect;
