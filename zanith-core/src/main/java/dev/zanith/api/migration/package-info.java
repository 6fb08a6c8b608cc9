/**
 * Migration files as the engine reads them: the {@link dev.zanith.api.migration.MigrationSource} SPI with its
 * directory and classpath implementations, and the parsed {@link dev.zanith.api.migration.Migration}.
 */
@NullMarked
package dev.zanith.api.migration;

import org.jspecify.annotations.NullMarked;
