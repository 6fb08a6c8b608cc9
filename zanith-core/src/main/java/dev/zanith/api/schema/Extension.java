package dev.zanith.api.schema;

import org.jspecify.annotations.Nullable;

/** An installed extension. The version is informational: it differs between servers and is not diffed. */
public record Extension(String name, String schema, @Nullable String version) {

    public Extension {
        Lists.require(name, "extension name");
        Lists.require(schema, "extension schema");
    }
}
