package dev.zanith.api.output;

import java.util.List;
import java.util.Map;

/**
 * What cleanup found and did.
 *
 * @param due    the artifacts due for purging (expired, or older than asked), oldest first
 * @param purged those purged (empty for a dry run)
 * @param failed artifact id → why it could not be purged (the others were purged regardless)
 */
public record CleanupResult(boolean dryRun, List<Artifact> due, List<PurgeResult> purged, Map<String, String> failed) {

    public CleanupResult {
        due = List.copyOf(due);
        purged = List.copyOf(purged);
        failed = Map.copyOf(failed);
    }
}
