/**
 * Implementation: nothing under {@code dev.zanith.internal} is API, and its types may change in any release.
 * Checksums live here; subpackages hold the engine.
 */
package dev.zanith.internal;
