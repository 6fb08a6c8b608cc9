package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What {@code zanith baseline} recorded.
 *
 * @param target      what the apply lock protects, for messages
 * @param fingerprint the schema's fingerprint (SHA-256 of its compact JSON), also the ledger row's checksum
 * @param tables      tables in the recorded schema
 * @param covered     ids of migration files that now count as applied (empty without a migrations directory)
 * @param pending     ids of migration files still pending, or null without a migrations directory
 */
public record BaselineResult(String id, String description, String target, String fingerprint, int tables,
                             List<String> covered, @Nullable List<String> pending) {

    public BaselineResult {
        covered = List.copyOf(covered);
        pending = pending == null ? null : List.copyOf(pending);
    }
}
