package dev.zanith.api;

/**
 * Where throwaway "shadow" databases come from: declared schemas are normalized on one, and pending migrations
 * are verified on one. Obtain one from {@link dev.zanith.Zanith#shadow(String, boolean)} ({@code embedded},
 * {@code database}, {@code schema} or a JDBC URL) and pass it to verify or generate; it is a handle, not meant to
 * be implemented outside Zanith.
 */
public interface ShadowProvider {

    /** The provider's name: {@code embedded}, {@code database} or {@code url} (for a {@code --shadow} URL). */
    String name();
}
