package dev.zanith.api.output;

import java.util.List;

/**
 * Where a target starts from before Zanith manages it ({@link dev.zanith.Zanith#startingPoint()}).
 *
 * @param zanithHistory    whether Zanith's ledger holds a row, or a migration started (step rows)
 * @param userTables       {@code schema.table} of every table holding application data in the target schemas
 *                         (extension-owned tables, Zanith's audit tables and other tools' history tables left out),
 *                         sorted; not read (empty) when {@code zanithHistory}
 * @param foreignHistories other tools' history tables anywhere in the database, sorted; not read (empty) when
 *                         {@code zanithHistory}
 * @param url              the JDBC URL of the connection without its password (for the commands a message names)
 */
public record StartingPoint(boolean zanithHistory, List<String> userTables, List<ForeignHistory> foreignHistories,
                            String url) {

    public StartingPoint {
        userTables = List.copyOf(userTables);
        foreignHistories = List.copyOf(foreignHistories);
    }

    /** Whether the target holds application tables but no Zanith history: it needs a baseline (or adopt). */
    public boolean needsBaseline() {
        return !zanithHistory && !userTables.isEmpty();
    }
}
