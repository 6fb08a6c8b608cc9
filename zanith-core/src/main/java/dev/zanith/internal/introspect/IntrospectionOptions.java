package dev.zanith.internal.introspect;

import java.util.List;

/**
 * What to read from a database.
 *
 * @param schemas        schemas to introspect (default {@code public})
 * @param excludedPrefix tables and columns whose name starts with this are Zanith's own (its audit tables,
 *                       parked soft-dropped objects) and are left out; empty to keep everything
 * @param skipMissingSchemas whether a requested schema that does not exist is skipped (a database about to
 *                       be migrated into it) rather than an error (a typo in {@code --schemas})
 */
public record IntrospectionOptions(List<String> schemas, String excludedPrefix, boolean skipMissingSchemas) {

    /** The prefix of Zanith's own tables and parked objects unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "_zanith_";

    public IntrospectionOptions {
        schemas = schemas == null || schemas.isEmpty() ? List.of("public") : List.copyOf(schemas);
        excludedPrefix = excludedPrefix == null ? "" : excludedPrefix;
    }

    public IntrospectionOptions(List<String> schemas, String excludedPrefix) {
        this(schemas, excludedPrefix, false);
    }

    public static IntrospectionOptions defaults() {
        return new IntrospectionOptions(List.of("public"), DEFAULT_PREFIX);
    }

    public static IntrospectionOptions of(List<String> schemas) {
        return new IntrospectionOptions(schemas, DEFAULT_PREFIX);
    }

    /** The same options, tolerating requested schemas that do not exist (yet). */
    public IntrospectionOptions skippingMissingSchemas() {
        return new IntrospectionOptions(schemas, excludedPrefix, true);
    }
}
