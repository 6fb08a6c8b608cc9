package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;

/**
 * What happens at startup. Define a bean of this type to replace Zanith's default (plan, gate, apply per
 * {@code zanith.mode}); e.g. to run {@code zanith.plan()} only, or to apply from a separate job.
 */
@FunctionalInterface
public interface ZanithMigrationStrategy {

    void migrate(Zanith zanith);
}
