package dev.zanith.api;

import dev.zanith.api.output.Scope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * @param declared      the declared schema file (.sql, .json, .yaml)
 * @param migrations    the migrations directory (created if missing)
 * @param name          the slug to use instead of a derived one, or null
 * @param shadow        where .sql is normalized and pending migrations are replayed
 * @param now           the timestamp of the id
 * @param schemas       the schemas to manage when given explicitly ({@code --schemas}), or null for the schemas
 *                      the declared file creates or uses (see {@link Scope})
 */
public record GenerateRequest(Path declared, Path migrations, @Nullable String name, DiffOptions diffOptions,
                              ShadowProvider shadow, Instant now, @Nullable List<String> schemas) {

    /** A request whose scope is read from the declared file. */
    public GenerateRequest(Path declared, Path migrations, @Nullable String name, DiffOptions diffOptions,
                           ShadowProvider shadow, Instant now) {
        this(declared, migrations, name, diffOptions, shadow, now, null);
    }
}
