package dev.zanith.api;

import dev.zanith.internal.shadow.Shadow;


/**
 * Where throwaway "shadow" databases come from: declared schemas are normalized on one, and (later) migrations
 * are verified on one. Obtain providers from {@link ShadowProviders}.
 */
public interface ShadowProvider {

    /**
     * Provides a fresh, empty shadow database; the caller closes it, which removes everything that was made.
     *
     * @throws dev.zanith.api.exception.ZanithException when no shadow can be provided (with what to do instead)
     */
    Shadow open();

    /** The provider's name: {@code embedded}, {@code database} or {@code url} (for a {@code --shadow} URL). */
    String name();
}
