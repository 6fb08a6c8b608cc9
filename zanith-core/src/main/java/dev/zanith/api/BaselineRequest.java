package dev.zanith.api;

import org.jspecify.annotations.Nullable;

/**
 * What {@code zanith baseline} records ({@link dev.zanith.Zanith#baseline(BaselineRequest)}).
 *
 * @param id           the baseline's id: migration files whose id sorts at or before it (digit runs compared as
 *                     numbers) count as applied; null for {@link #DEFAULT_ID}
 * @param description  free text for the ledger; null for a generated one (tables and schemas recorded)
 * @param allowHistory add a baseline although the target has Zanith history (applied or started migrations)
 */
public record BaselineRequest(@Nullable String id, @Nullable String description, boolean allowHistory) {

    /**
     * The id of a baseline when none is given: {@code 0}, which sorts before every migration id Zanith or Flyway
     * writes, so no file counts as applied and every one runs after it. To take over after files the database
     * already reflects, give the id of the last of them.
     */
    public static final String DEFAULT_ID = "0";
}
