/**
 * JPA entities as Zanith's declared schema: {@link dev.zanith.jpa.EntityModel} turns an entity model into the
 * PostgreSQL DDL Hibernate would create for it, {@link dev.zanith.jpa.EntityMigrations} generates a Zanith migration
 * from it through the public API (the library entry point, used by the Maven plugin), and
 * {@link dev.zanith.jpa.EntityMigrationCheck} does the same from a Spring Boot test. Hibernate is a dependency of
 * this module only, never of zanith-core.
 */
@NullMarked
package dev.zanith.jpa;

import org.jspecify.annotations.NullMarked;
