/**
 * zanith-maven-plugin: the goals {@code plan}, {@code verify}, {@code apply}, {@code generate}, {@code status} and
 * {@code baseline} over zanith-core's public API, with the CLI's options and output (docs/MAVEN.md). Parameters are
 * null when not configured.
 */
package dev.zanith.maven;
