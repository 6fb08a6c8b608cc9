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
     * A shadow holding what {@code build} makes in an empty one. {@code content} names that result completely (what
     * is built, and every option the building depends on); a provider may answer with a copy of a shadow it built
     * for the same {@code content} before, instead of building again (see {@link ShadowTemplates}). By default,
     * {@link #open()}, then {@code build}.
     *
     * @throws dev.zanith.api.exception.ZanithException as {@link #open()} and {@code build} do (the shadow closed)
     */
    default Shadow openBuilt(String content, java.util.function.Consumer<Shadow> build) {
        Shadow shadow = open();
        try {
            build.accept(shadow);
            return shadow;
        } catch (RuntimeException | Error e) {
            shadow.close();
            throw e;
        }
    }

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
