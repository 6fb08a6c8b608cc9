/**
 * Implementation: graph-by-graph comparison into dependency-ordered operations.
 */
package dev.zanith.internal.diff;
