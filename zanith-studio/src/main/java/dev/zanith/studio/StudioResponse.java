package dev.zanith.studio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Studio#handle(StudioRequest)} answers. The host sends {@code status}, {@code contentType} and
 * {@code headers}, then lets {@code body} write to the response stream; a streaming body (server-sent events, an
 * export) flushes as it goes, so the host must not buffer it whole.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type} header
 * @param headers     further headers ({@code Content-Disposition}, {@code Cache-Control}, ...)
 * @param streaming   whether the body is written over time (the host sends it chunked, unbuffered)
 * @param body        writes the body; the host closes the stream afterwards
 */
public record StudioResponse(int status, String contentType, Map<String, String> headers, boolean streaming,
                             Body body) {

    /** Writes a response body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public StudioResponse {
        headers = Map.copyOf(headers);
    }

    /** A complete body of bytes. */
    public static StudioResponse bytes(int status, String contentType, byte[] content) {
        return new StudioResponse(status, contentType, Map.of(), false, out -> out.write(content));
    }

    /** A UTF-8 text body. */
    public static StudioResponse text(int status, String contentType, String content) {
        return bytes(status, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public StudioResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StudioResponse(status, contentType, more, streaming, body);
    }
}
