package dev.zanith.api.output;

import dev.zanith.api.risk.LockMode;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the risk model said a step would do, to set beside what it did.
 *
 * @param locks   table ({@code schema.table}) → lock mode
 * @param rewrite whether it rewrites a table; null when the model cannot tell (raw SQL)
 * @param scan    whether it reads the rows of a table (a scan, build or rewrite); null when the model cannot tell
 * @param level   the model's level name and score, e.g. "medium 40"
 */
public record Prediction(Map<String, LockMode> locks, @Nullable Boolean rewrite, @Nullable Boolean scan, String level) {

    public Prediction {
        locks = Map.copyOf(locks);
    }
}
