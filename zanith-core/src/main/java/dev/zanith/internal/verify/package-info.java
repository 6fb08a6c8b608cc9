/**
 * Implementation: rehearsal of pending migrations on a shadow, with per-step observation of locks, rewrites and
 * scans.
 */
package dev.zanith.internal.verify;
