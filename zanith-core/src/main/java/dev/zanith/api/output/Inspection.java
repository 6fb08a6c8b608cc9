package dev.zanith.api.output;

import dev.zanith.api.output.ParkedChecksum;
import org.jspecify.annotations.Nullable;


/**
 * One artifact in detail, as {@code recover inspect} shows it.
 *
 * @param dataPresent     whether the parked data is still where the artifact says (false once restored: the data
 *                        is back in place; always true for rebuild_table, whose data is its definition)
 * @param currentChecksum the checksum recomputed now, when asked for and the data is present; else null
 * @param checksumMatches whether it matches the stored one; null when not recomputed
 * @param restore         what restore would do (or why it would not), in one sentence
 */
public record Inspection(Artifact artifact, boolean dataPresent, @Nullable ParkedChecksum currentChecksum,
                         @Nullable Boolean checksumMatches, String restore) {
}
