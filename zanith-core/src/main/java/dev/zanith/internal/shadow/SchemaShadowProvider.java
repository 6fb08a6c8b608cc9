package dev.zanith.internal.shadow;

import dev.zanith.internal.shadow.ShadowSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --shadow schema}: the cheapest shadow, in the target database itself. Each migrated schema (and the
 * archive schema) gets an ephemeral twin, {@code zanith_shadow_<tag>_<n>}, which {@code search_path} points
 * at and which is dropped on close. Database-wide things (extensions, roles) cannot be rehearsed this way.
 */
final class SchemaShadowProvider implements ShadowSource {

    static final String NAME = "schema";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaShadowProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSource target;
    private final List<String> schemas;
    private final String archiveSchema;

    SchemaShadowProvider(ConnectionSource target, List<String> schemas, String archiveSchema) {
        if (target == null || !target.hasUrl()) {
            throw new ZanithConfigException("--shadow schema needs the target database as a URL (--url): the ephemeral "
                    + "schemas are created in it.");
        }
        this.target = target;
        this.schemas = List.copyOf(schemas);
        this.archiveSchema = archiveSchema;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Shadow open() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String tag = HexFormat.of().formatHex(bytes);
        Map<String, String> names = new LinkedHashMap<>();
        int n = 1;
        for (String schema : schemas) {
            names.put(schema, "zanith_shadow_" + tag + "_" + n++);
        }
        if (archiveSchema != null && !names.containsKey(archiveSchema)) {
            names.put(archiveSchema, "zanith_shadow_" + tag + "_archive");
        }
        SchemaShadow shadow = new SchemaShadow(target, names, tag);
        try (Connection c = target.open()) {
            for (String twin : names.values()) {
                Jdbc.execute(c, "CREATE SCHEMA " + Identifiers.quote(twin));
            }
            Set<String> extensionObjects = new HashSet<>(Jdbc.query(c, SqlResources.get("shadow/extension-objects.sql"),
                    rs -> rs.getString(1) + "." + rs.getString(2), Jdbc.textArray(c, schemas), Jdbc.textArray(c, schemas)));
            shadow.mapping = new SchemaMapping(names, extensionObjects);
            return shadow;
        } catch (SQLException | RuntimeException e) {
            shadow.close();
            throw new ZanithException("Could not create the ephemeral shadow schemas in " + target.describeTarget() + ": "
                    + e.getMessage() + ". The user needs CREATE on the database; or use --shadow database or embedded.", e);
        }
    }

    /** Ephemeral twin schemas in the target database. */
    static final class SchemaShadow implements Shadow {
        private final ConnectionSource target;
        private final Map<String, String> names;
        private final String tag;
        private final ConnectionSource connections;
        private SchemaMapping mapping = SchemaMapping.IDENTITY;
        private boolean closed;

        SchemaShadow(ConnectionSource target, Map<String, String> names, String tag) {
            this.target = target;
            this.names = names;
            this.tag = tag;
            this.connections = target.withParameter("currentSchema", String.join(",", names.values()));
        }

        @Override
        public ConnectionSource connections() {
            return connections;
        }

        @Override
        public String describe() {
            return "ephemeral shadow schemas zanith_shadow_" + tag + "_* in " + target.describeTarget();
        }

        @Override
        public String providerName() {
            return NAME;
        }

        @Override
        public SchemaMapping mapping() {
            return mapping;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (Connection c = target.open()) {
                for (String twin : names.values()) {
                    Jdbc.execute(c, "DROP SCHEMA IF EXISTS " + Identifiers.quote(twin) + " CASCADE");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Could not drop the shadow schemas {} in {}: {}. Drop them by hand.", names.values(),
                        target.describeTarget(), e.getMessage());
            }
        }
    }
}
