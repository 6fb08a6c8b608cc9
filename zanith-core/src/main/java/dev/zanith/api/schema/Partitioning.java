package dev.zanith.api.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a partitioned table (or a partition that is itself partitioned) splits its rows, and its partitions.
 *
 * @param key        the partition key as {@code pg_get_partkeydef()} prints it: {@code RANGE (created_at)},
 *                   {@code LIST (region)}, {@code HASH (id)}; rendered after {@code PARTITION BY}
 * @param partitions the direct partitions, sorted by schema and name
 */
public record Partitioning(String key, List<Partition> partitions) {

    public Partitioning {
        Lists.require(key, "partition key");
        partitions = Lists.sorted(partitions, Comparator.comparing(Partition::schema).thenComparing(Partition::name));
    }

    /** The partitioning method: {@code RANGE}, {@code LIST} or {@code HASH} (the key's first word). */
    public String method() {
        int space = key.indexOf(' ');
        return (space < 0 ? key : key.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
    }

    /** The key's column or expression list, without the method and the outer parentheses: {@code created_at}. */
    public String columns() {
        int open = key.indexOf('(');
        return open < 0 || !key.endsWith(")") ? key : key.substring(open + 1, key.length() - 1).strip();
    }

    /** The direct partition named {@code schema.name}, if there is one. */
    public Optional<Partition> partition(TableName name) {
        return partitions.stream().filter(p -> p.qualifiedName().equals(name)).findFirst();
    }

    /** The DEFAULT partition, if there is one. */
    public Optional<Partition> defaultPartition() {
        return partitions.stream().filter(Partition::isDefault).findFirst();
    }

    /** The same partitioning with {@code partition} added (or replacing the one of the same name). */
    public Partitioning with(Partition partition) {
        List<Partition> next = new ArrayList<>(without(partition.qualifiedName()).partitions());
        next.add(partition);
        return new Partitioning(key, next);
    }

    /** The same partitioning without the partition named {@code name}. */
    public Partitioning without(TableName name) {
        return new Partitioning(key, partitions.stream().filter(p -> !p.qualifiedName().equals(name)).toList());
    }

    /** Every partition at any depth, parents before their own partitions. */
    public List<Partition> descendants() {
        List<Partition> out = new ArrayList<>();
        for (Partition p : partitions) {
            out.add(p);
            if (p.partitioning() != null) {
                out.addAll(p.partitioning().descendants());
            }
        }
        return out;
    }
}
