package dev.zanith.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums, written once: of migration files, schema graphs, recovery scripts and captured definitions. */
public final class Checksums {

    private Checksums() {
    }

    /** SHA-256 of {@code content} as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(newSha256().digest(content));
    }

    /** A new SHA-256 digest (every Java platform has one). */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code sha256:<64 hex digits>} of {@code text} in UTF-8. */
    public static String sha256(String text) {
        MessageDigest sha256 = newSha256();
        sha256.update(text.getBytes(StandardCharsets.UTF_8));
        return sha256(sha256);
    }

    /** {@code sha256:<64 hex digits>} of what {@code sha256} (from {@link #newSha256()}) was fed; completes it. */
    public static String sha256(MessageDigest sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
