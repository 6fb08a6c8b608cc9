package dev.zanith.internal.shadow;

import dev.zanith.api.ShadowProvider;
import dev.zanith.api.exception.ZanithConfigException;

/** The engine's side of a {@link ShadowProvider}: every provider Zanith hands out opens shadows through this. */
public interface ShadowSource extends ShadowProvider {

    /**
     * Provides a fresh, empty shadow database; the caller closes it, which removes everything that was made.
     *
     * @throws dev.zanith.api.exception.ZanithException when no shadow can be provided (with what to do instead)
     */
    Shadow open();

    /**
     * The engine's view of a provider a caller passed in.
     *
     * @throws ZanithConfigException for a provider that did not come from Zanith
     */
    static ShadowSource of(ShadowProvider provider) {
        if (provider instanceof ShadowSource source) {
            return source;
        }
        throw new ZanithConfigException("Shadow providers come from Zanith.shadow(option, reset) (embedded, database, "
                + "schema or a JDBC URL); " + provider.getClass().getName() + " is not one of them.");
    }
}
