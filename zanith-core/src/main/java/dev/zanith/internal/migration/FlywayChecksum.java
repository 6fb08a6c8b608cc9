package dev.zanith.internal.migration;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration in its schema history ({@code checksum}, a signed 32-bit
 * integer), recomputed from the file so that {@code zanith adopt flyway} can prove a file is the one Flyway ran.
 * Flyway's documented behaviour: a CRC-32 over the file's lines, each line's UTF-8 bytes without its line terminator
 * ({@code \n}, {@code \r\n} or {@code \r}, so line endings do not change it), a byte order mark at the start left
 * out, the CRC's low 32 bits read as a signed int. Files are read as UTF-8, Flyway's default encoding.
 */
public final class FlywayChecksum {

    private FlywayChecksum() {
    }

    /** The checksum of a file's bytes; empty when they are not UTF-8 (Flyway was configured otherwise). */
    public static OptionalInt of(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return OptionalInt.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CRC32 crc = new CRC32();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            crc.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return OptionalInt.of((int) crc.getValue());
    }
}
