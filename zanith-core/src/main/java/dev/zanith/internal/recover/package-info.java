/**
 * Implementation: recovery artifacts (parked columns and tables, archives), restore, export, purge and cleanup.
 */
package dev.zanith.internal.recover;
