package dev.zanith.internal.migration;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's checksum rules (AdoptFlywayTest compares with the values Flyway itself records). */
class FlywayChecksumTest {

    private static int of(String text) {
        return FlywayChecksum.of(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void lineEndsAndAByteOrderMarkDoNotCountButEverythingElseDoes() {
        int lf = of("CREATE TABLE t (id int);\nSELECT 1;\n");
        assertThat(of("CREATE TABLE t (id int);\r\nSELECT 1;\r\n")).isEqualTo(lf);
        assertThat(of("CREATE TABLE t (id int);\rSELECT 1;")).isEqualTo(lf);
        assertThat(of("\uFEFFCREATE TABLE t (id int);\nSELECT 1;")).isEqualTo(lf);
        assertThat(of("CREATE TABLE t (id int);\nSELECT 1; ")).isNotEqualTo(lf);
        // an empty line is a line (of no bytes), so it changes nothing; the lines' bytes in order are what count
        CRC32 crc = new CRC32();
        crc.update("CREATE TABLE t (id int);SELECT 1;".getBytes(StandardCharsets.UTF_8));
        assertThat(lf).isEqualTo((int) crc.getValue()).isEqualTo(of("CREATE TABLE t (id int);\n\nSELECT 1;"));
    }

    @Test
    void aFileThatIsNotUtf8HasNoRecomputableChecksum() {
        assertThat(FlywayChecksum.of(new byte[]{'a', (byte) 0xE9, '\n'})).isEmpty();
        assertThat(FlywayChecksum.of(new byte[0])).hasValue(0);
    }
}
