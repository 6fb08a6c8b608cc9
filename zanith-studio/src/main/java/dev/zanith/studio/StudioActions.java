package dev.zanith.studio;

import dev.zanith.Zanith;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.api.output.RestoreResult;

/**
 * The Studio's write actions, as its host runs them: the CLI straight through the {@link Zanith} facade, the starter
 * through its migrator (so that its runtime state, listeners and metrics see them). Gates are those of the facade's
 * configuration; the Studio never passes others.
 */
public interface StudioActions {

    /** Applies the pending migrations, gates enforced, telling {@code listener} of every step. */
    ApplyResult apply(ApplyListener listener);

    /** Restores one artifact (see {@link Zanith#restore(String, boolean)}). */
    RestoreResult restore(String artifactId, boolean acceptChangedData);

    /** Purges one artifact (see {@link Zanith#purge(String)}). */
    PurgeResult purge(String artifactId);

    /** The facade's own actions. */
    static StudioActions of(Zanith zanith) {
        return new StudioActions() {
            @Override
            public ApplyResult apply(ApplyListener listener) {
                return zanith.apply(listener);
            }

            @Override
            public RestoreResult restore(String artifactId, boolean acceptChangedData) {
                return zanith.restore(artifactId, acceptChangedData);
            }

            @Override
            public PurgeResult purge(String artifactId) {
                return zanith.purge(artifactId);
            }
        };
    }
}
