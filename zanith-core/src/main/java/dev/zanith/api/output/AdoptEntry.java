package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One row of the other tool's history and what {@code zanith adopt} makes of it.
 *
 * @param source      the row in the tool's words, e.g. {@code V1 init (V1__init.sql)} or
 *                    {@code changeset 1::alice in db/changelog.xml}
 * @param migrationId the Zanith migration id it maps to, or null when it maps to none
 * @param how         how it was checked, or why it is not adopted
 * @param installedAt when the tool ran it
 */
public record AdoptEntry(String source, @Nullable String migrationId, AdoptOutcome outcome, String how,
                         @Nullable Instant installedAt) {
}
