package dev.zanith.internal.shadow;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The one class that uses zonky's embedded PostgreSQL; only loaded when {@code --shadow embedded} starts a server.
 * The server runs without durability (fsync, synchronous commit and full page writes off): its data is thrown
 * away anyway.
 */
final class ZonkyShadowServer implements Shadow {

    private static final Logger LOG = LoggerFactory.getLogger(ZonkyShadowServer.class);

    private final EmbeddedPostgres server;
    private final ConnectionSource connections;
    private final String version;
    private boolean closed;

    private ZonkyShadowServer(EmbeddedPostgres server, String version) {
        this.server = server;
        this.connections = ConnectionSource.of(server.getJdbcUrl("postgres", "postgres"), null, null);
        this.version = version;
    }

    /**
     * @param major the PostgreSQL major version to run when binaries of it can be had (see
     *              {@link #binaries}); null, or none: the binaries on the classpath
     */
    static ZonkyShadowServer start(Integer major) {
        long started = System.nanoTime();
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> binaries(major, system, hardware))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(true) // stops the server if the JVM exits before close()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new ZanithException("Could not start the embedded PostgreSQL shadow server: " + e.getMessage()
                    + ". Use --shadow database (a temporary database on your own server) or --shadow <url> of an "
                    + "empty database instead.", e);
        }
        String version;
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            version = Jdbc.queryFirst(c, SqlResources.get("shadow/session.sql"), rs -> rs.getString("server_version"))
                    .orElse("?");
        } catch (SQLException | RuntimeException e) {
            stop(server);
            throw new ZanithException("The embedded PostgreSQL shadow server started but does not accept "
                    + "connections: " + e.getMessage() + ". Use --shadow database or --shadow <url> instead.", e);
        }
        ZonkyShadowServer shadow = new ZonkyShadowServer(server, version);
        LOG.debug("Started {} in {} ms", shadow.describe(), (System.nanoTime() - started) / 1_000_000);
        return shadow;
    }

    /**
     * The binaries of {@code major}: zonky's own choice (the binaries on the classpath) when they are of that major,
     * else a jar of that major from the local Maven repository, fetched there first when missing (see
     * {@link BinariesDownload}); zonky's own choice when none can be had, and verify then warns of the mismatch.
     */
    private static InputStream binaries(Integer major, String system, String hardware) throws IOException {
        if (major != null) {
            String arch = ArchUtils.normalize(hardware);
            String entry = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + arch + ".txz";
            if (EmbeddedBinaries.classpathVersion(entry).map(EmbeddedBinaries::majorOf).orElse(-1) == major) {
                return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
            }
            Path repository = EmbeddedBinaries.localRepository();
            Optional<EmbeddedBinaries.Found> found = EmbeddedBinaries.find(repository, major, entry);
            if (found.isEmpty()) {
                Optional<String> platform = BinariesDownload.platform(system, arch);
                if (platform.isPresent() && BinariesDownload.configured()
                        .flatMap(download -> download.fetch(repository, platform.get(), major)).isPresent()) {
                    found = EmbeddedBinaries.find(repository, major, entry);
                }
            }
            if (found.isPresent()) {
                LOG.debug("Embedded shadow: PostgreSQL {} binaries from {}", found.get().version(), found.get().jar());
                ZipFile zip = new ZipFile(found.get().jar().toFile());
                return new FilterInputStream(zip.getInputStream(zip.getEntry(entry))) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            zip.close();
                        }
                    }
                };
            }
        }
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
    }

    @Override
    public ConnectionSource connections() {
        return connections;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL " + version + " shadow server on port " + server.getPort();
    }

    @Override
    public String providerName() {
        return EmbeddedShadowProvider.NAME;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop(server);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop the embedded PostgreSQL shadow server on port {}: {}", server.getPort(),
                    e.getMessage());
        }
    }
}
