/**
 * Migration files as the engine reads them: the {@link dev.zanith.api.migration.MigrationSource} SPI with its
 * directory and classpath implementations, and the parsed {@link dev.zanith.api.migration.Migration}.
 */
package dev.zanith.api.migration;
