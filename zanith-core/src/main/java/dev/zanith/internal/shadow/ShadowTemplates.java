package dev.zanith.internal.shadow;

import dev.zanith.internal.Checksums;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shadows built before, kept across runs as template databases on the server of {@code --shadow database}, so that
 * a shadow holding the same live schema is one {@code CREATE DATABASE ... TEMPLATE} instead of a replay of every
 * table (at 1,000 tables that replay costs as much as loading the schema with psql).
 *
 * <p>A template's name is {@value #PREFIX} and a SHA-256 over everything that decides what the shadow holds: what was
 * built ({@link ShadowSource#openBuilt}'s content: the live graph's fingerprint and the options), the Zanith build,
 * the provider and the server's facts ({@code introspect/shadow-cache-facts.sql}: version, role, settings, extension
 * versions, the facts that key {@link DeclaredGraphCache} but the list of roles, which other sessions change all the
 * time and which cannot change what a template holds: the roles it grants to exist, and cannot be dropped while it
 * does). Any change is another name: a stale template
 * is never found, so never used. A template is made whole under a name of its own ({@value #BUILDING_PREFIX}, with
 * the time it was started), closed to connections (nothing can change it afterwards) and only then renamed: a
 * template that is half made, or being made by another process, is never found under a template's name. When two
 * processes finish the same template, the second rename fails and its copy is dropped.
 *
 * <p>What is left on the server: at most {@value #KEEP} templates per user (the newest; older ones are dropped when a
 * new one is made), each an empty schema (no rows) with a comment saying what it is, and half-made copies of a
 * process that died, dropped after {@link #STALE} by the next run that makes a template. Only a template this user
 * owns and that takes no connections is copied: a database of that name someone else made is never used. {@code ZANITH_SHADOW_TEMPLATES=off} stops using
 * and making them. Anything failing here only costs the speed-up: the shadow is then replayed as before.
 */
final class ShadowTemplates {

    static final String PREFIX = "zanith_shadow_template_";
    static final String BUILDING_PREFIX = "zanith_shadow_building_";
    /** The templates kept per server and user. */
    static final int KEEP = 2;
    /** A half-made copy older than this belongs to a process that died (making one takes seconds). */
    static final Duration STALE = Duration.ofMinutes(10);
    /** The environment variable that turns templates off ({@code off}, {@code false}, {@code no} or {@code 0}). */
    static final String ENVIRONMENT = "ZANITH_SHADOW_TEMPLATES";

    private static final Logger LOG = LoggerFactory.getLogger(ShadowTemplates.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShadowTemplates() {
    }

    /** Whether templates are used, by {@value #ENVIRONMENT} in {@code environment} (on unless turned off). */
    static boolean enabled(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT);
        return value == null || !Set.of("off", "false", "no", "0").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The name of the template of {@code content} built by {@code provider} on a server with {@code serverFacts}. */
    static String name(String provider, String serverFacts, String content) {
        String key = Checksums.sha256Hex(("zanith shadow template 1\n" + DeclaredGraphCache.build() + '\n' + provider
                + '\n' + serverFacts + '\n' + content).getBytes(StandardCharsets.UTF_8));
        return PREFIX + key.substring(0, 32);
    }

    /** A fresh name for a copy being made, with the second it was started (for {@link #prune}). */
    static String buildingName(Instant now) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return BUILDING_PREFIX + now.getEpochSecond() + "_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Keeps {@code database} (built; nobody connected to it any more) as {@code template}: copied under a building
     * name, closed to connections, commented, renamed; then older templates are pruned. Never throws: a template
     * that cannot be made only costs the next run the speed-up.
     *
     * @param c a connection to another database of the same server (auto-commit)
     */
    static void keep(Connection c, String database, String template) {
        String building = buildingName(Instant.now());
        String quoted = Identifiers.quote(building);
        try {
            Jdbc.execute(c, SqlResources.render("shadow/create-database-from-template.sql",
                    Map.of("database", quoted, "template", Identifiers.quote(database))));
        } catch (SQLException e) {
            LOG.debug("Could not copy the shadow {} to a template: {}", database, e.getMessage());
            return;
        }
        try {
            Jdbc.execute(c, SqlResources.render("shadow/close-template.sql", Map.of("database", quoted)));
            Jdbc.execute(c, SqlResources.render("shadow/comment-database.sql", Map.of("database", quoted,
                    "comment", Identifiers.literal("zanith shadow template: the live schema replayed on a shadow, made "
                            + Instant.now() + " to copy later shadows from; no rows; safe to drop (the newest " + KEEP
                            + " are kept; " + ENVIRONMENT + "=off stops making them)"))));
            Jdbc.execute(c, SqlResources.render("shadow/rename-database.sql",
                    Map.of("database", quoted, "name", Identifiers.quote(template))));
            LOG.debug("Kept the shadow {} as the template {}", database, template);
        } catch (SQLException e) {
            // 42P04: another process made the same template first; theirs is as good
            LOG.debug("Could not keep the shadow {} as the template {}: {}", database, template, e.getMessage());
            drop(c, building);
        }
        prune(c);
    }

    /**
     * Drops this user's templates beyond the newest {@value #KEEP}, and the half-made copies older than
     * {@link #STALE}. Never throws.
     */
    static void prune(Connection c) {
        List<String> ours;
        try {
            ours = Jdbc.query(c, SqlResources.get("shadow/templates.sql"), rs -> rs.getString("database_name"), PREFIX,
                    BUILDING_PREFIX);
        } catch (SQLException e) {
            LOG.debug("Could not list the shadow templates: {}", e.getMessage());
            return;
        }
        long stale = Instant.now().minus(STALE).getEpochSecond();
        int templates = 0;
        for (String database : ours) {
            if (database.startsWith(PREFIX)) {
                if (++templates > KEEP) {
                    drop(c, database);
                }
            } else if (startedAt(database) < stale) {
                drop(c, database);
            }
        }
    }

    /** The second a half-made copy was started, from its name; 0 for a name that does not say. */
    static long startedAt(String building) {
        String rest = building.substring(BUILDING_PREFIX.length());
        int end = rest.indexOf('_');
        try {
            return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void drop(Connection c, String database) {
        try {
            // without FORCE: a template takes no connections, and one being copied is waited for, not broken
            Jdbc.execute(c, "DROP DATABASE IF EXISTS " + Identifiers.quote(database));
        } catch (SQLException e) {
            LOG.debug("Could not drop the shadow template {}: {}", database, e.getMessage());
        }
    }
}
