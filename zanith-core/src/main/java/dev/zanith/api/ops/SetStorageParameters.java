package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ALTER TABLE ... SET (...) / RESET (...) of table storage parameters ({@code fillfactor}, {@code autovacuum_*},
 * {@code toast.*}). Rewrites nothing: a new fillfactor applies to pages written from now on.
 *
 * @param set      parameters to set, as {@code name=value} ({@code fillfactor=70}, {@code toast.autovacuum_enabled=false})
 * @param reset    parameter names to reset to the server's default
 * @param previous the values the parameters named in {@code set} and {@code reset} had before, as {@code name=value}
 *                 (what {@link #reverse()} restores; a parameter missing here is reset)
 */
public record SetStorageParameters(TableName table, List<String> set, List<String> reset, List<String> previous)
        implements Operation {

    private static final Pattern NAME = Pattern.compile("(toast\\.)?[a-z_][a-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    /**
     * The parameters ALTER TABLE SET/RESET changes under SHARE UPDATE EXCLUSIVE (PostgreSQL's documentation: fillfactor,
     * the TOAST and autovacuum parameters, parallel_workers); any other takes ACCESS EXCLUSIVE.
     */
    public static final Set<String> SHARE_UPDATE_EXCLUSIVE = Set.of("fillfactor", "parallel_workers",
            "toast_tuple_target", "vacuum_truncate", "vacuum_index_cleanup", "log_autovacuum_min_duration");

    public SetStorageParameters {
        Require.present(table, "setStorageParameters", "table");
        set = set == null ? List.of() : List.copyOf(set);
        reset = reset == null ? List.of() : List.copyOf(reset);
        previous = previous == null ? List.of() : List.copyOf(previous);
        if (set.isEmpty() && reset.isEmpty()) {
            throw new IllegalArgumentException("setStorageParameters requires 'set' or 'reset'");
        }
        for (String entry : set) {
            requireEntry(entry);
        }
        for (String entry : previous) {
            requireEntry(entry);
        }
        for (String name : reset) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("setStorageParameters: '" + name + "' is not a storage parameter name");
            }
        }
    }

    private static void requireEntry(String entry) {
        int eq = entry.indexOf('=');
        if (eq < 0 || !NAME.matcher(entry.substring(0, eq)).matches() || !VALUE.matcher(entry.substring(eq + 1)).matches()) {
            throw new IllegalArgumentException("setStorageParameters: '" + entry + "' is not name=value "
                    + "(e.g. fillfactor=70)");
        }
    }

    /** The parameter name of {@code name=value}. */
    public static String nameOf(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    /** Every parameter this step changes. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        set.forEach(e -> names.add(nameOf(e)));
        names.addAll(reset);
        return names;
    }

    /** Whether every parameter changed is one the server changes under SHARE UPDATE EXCLUSIVE. */
    public boolean shareUpdateExclusive() {
        return names().stream().allMatch(n -> n.startsWith("toast.") || n.startsWith("autovacuum_")
                || SHARE_UPDATE_EXCLUSIVE.contains(n));
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_STORAGE_PARAMETERS;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        List<String> actions = new ArrayList<>();
        if (!set.isEmpty()) {
            actions.add("SET (" + String.join(", ", set) + ")");
        }
        if (!reset.isEmpty()) {
            actions.add("RESET (" + String.join(", ", reset) + ")");
        }
        return Statements.of("ALTER TABLE " + table.sql() + " " + String.join(", ", actions));
    }

    @Override
    public Reversal reverse() {
        List<String> restore = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        for (String name : names()) {
            previous.stream().filter(p -> nameOf(p).equals(name)).findFirst()
                    .ifPresentOrElse(restore::add, () -> clear.add(name));
        }
        List<String> now = new ArrayList<>(set);
        return Reversal.of(new SetStorageParameters(table, restore, clear, now));
    }

    @Override
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("set " + String.join(", ", set));
        }
        if (!reset.isEmpty()) {
            parts.add("reset " + String.join(", ", reset));
        }
        return String.join(" and ", parts) + " on table " + table;
    }
}
