/**
 * Implementation: the engine's view of a {@link dev.zanith.ZanithConfig}.
 */
package dev.zanith.internal.config;
