package dev.zanith.api.output;


import java.util.List;

/**
 * The outcome of {@code zanith adopt}.
 *
 * @param historyTable the tool's table, {@code schema.table}
 * @param target       what the apply lock protects, for messages
 * @param executed     whether rows were written (false: a dry run, or nothing new to write)
 * @param entries      every row of the tool's history, in its order
 * @param pending      ids of migration files still pending once the rows are recorded (exactly the new ones)
 */
public record AdoptResult(MigrationTool tool, String historyTable, String target, boolean executed,
                          List<AdoptEntry> entries, List<String> pending) {

    public AdoptResult {
        entries = List.copyOf(entries);
        pending = List.copyOf(pending);
    }

    /** The entries with this outcome, in order. */
    public List<AdoptEntry> with(AdoptOutcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).toList();
    }
}
