package dev.zanith.internal.command;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.JdbcUrls;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.shadow.DeclaredSchema;
import dev.zanith.internal.shadow.ShadowSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** A schema from anywhere: a live database (JDBC or postgres:// URL), a DDL file, or a schema-graph JSON/YAML file. */
public final class SchemaSources {

    private SchemaSources() {
    }

    public static boolean isDatabase(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://");
    }

    /** Reads {@code source}; a DDL file is normalized in a shadow from {@code shadow}. */
    public static SchemaGraph load(String source, ShadowSource shadow, IntrospectionOptions options) {
        if (isDatabase(source)) {
            ConnectionSource connections = ConnectionSource.of(JdbcUrls.normalize(source), null, null);
            try (Connection c = connections.open()) {
                return new Introspector(options).introspect(c).graph();
            } catch (SQLException e) {
                throw new ZanithException("Cannot introspect " + connections.describeTarget() + ": " + ConnectionSource.message(e), e);
            }
        }
        return DeclaredSchema.load(Path.of(source), shadow, options);
    }
}
