package dev.zanith.benchmarks;

import dev.zanith.api.exception.ZanithException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.Duration;

/** A throwaway PostgreSQL 18 (zonky's binaries, shipped in the jar) for {@code --embedded} runs. */
final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start() {
        try {
            return new EmbeddedServer(EmbeddedPostgres.builder()
                    // Durability buys nothing for a throwaway catalog and only slows schema generation.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } catch (IOException e) {
            throw new ZanithException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    ServerAddress address() {
        return ServerAddress.parse("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("zanith-bench: the embedded server did not stop cleanly: " + e.getMessage());
        }
    }
}
