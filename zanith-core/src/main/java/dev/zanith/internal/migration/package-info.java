/**
 * Implementation: loading, checking, naming and writing migration files.
 */
package dev.zanith.internal.migration;
