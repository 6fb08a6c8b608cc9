package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL of partitions: creating them (with their own partitions), the bound CHECK of an online attach, partitioned indexes. */
final class PartitionDdl {

    /** The temporary CHECK an online attach adds so that ATTACH PARTITION finds the bound proven and skips its scan. */
    static final String BOUND_CHECK = "zanith_partition_bound";

    private static final Pattern RANGE = Pattern.compile("(?is)FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");
    private static final Pattern LIST = Pattern.compile("(?is)FOR VALUES IN \\((.*)\\)");
    private static final Pattern PLAIN_COLUMN = Pattern.compile("[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"");

    private PartitionDdl() {
    }

    /** {@code CREATE TABLE partition PARTITION OF parent bound [PARTITION BY key]}, then its own partitions. */
    static List<String> create(TableName parent, Partition partition) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + partition.qualifiedName().sql() + " PARTITION OF " + parent.sql() + " "
                + partition.bound() + partitionBy(partition.partitioning()));
        if (partition.partitioning() != null) {
            for (Partition child : partition.partitioning().partitions()) {
                sql.addAll(create(partition.qualifiedName(), child));
            }
        }
        return sql;
    }

    static String partitionBy(@Nullable Partitioning partitioning) {
        return partitioning == null ? "" : " PARTITION BY " + partitioning.key();
    }

    /** See {@link AttachPartition#boundCheck}. */
    static Optional<String> boundCheck(String key, String bound) {
        Partitioning shape = new Partitioning(key, List.of());
        String column = shape.columns();
        if (!PLAIN_COLUMN.matcher(column).matches()) {
            return Optional.empty();
        }
        Matcher range = RANGE.matcher(bound.strip());
        if (shape.method().equals("RANGE") && range.matches()) {
            List<String> from = split(range.group(1));
            List<String> to = split(range.group(2));
            if (from.size() != 1 || to.size() != 1) {
                return Optional.empty();
            }
            StringBuilder check = new StringBuilder(column).append(" IS NOT NULL");
            if (!from.get(0).equalsIgnoreCase("MINVALUE")) {
                check.append(" AND ").append(column).append(" >= ").append(from.get(0));
            }
            if (!to.get(0).equalsIgnoreCase("MAXVALUE")) {
                check.append(" AND ").append(column).append(" < ").append(to.get(0));
            }
            return Optional.of(check.toString());
        }
        Matcher list = LIST.matcher(bound.strip());
        if (shape.method().equals("LIST") && list.matches()) {
            List<String> values = split(list.group(1));
            List<String> notNull = values.stream().filter(v -> !v.equalsIgnoreCase("NULL")).toList();
            boolean acceptsNull = notNull.size() < values.size();
            String in = notNull.isEmpty() ? null : column + " IN (" + String.join(", ", notNull) + ")";
            if (acceptsNull) {
                return Optional.of(in == null ? column + " IS NULL" : column + " IS NULL OR " + in);
            }
            return Optional.of(column + " IS NOT NULL AND " + in);
        }
        return Optional.empty();
    }

    /** Splits a bound's value list at top-level commas (not inside quotes or parentheses). */
    static List<String> split(String values) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < values.length(); i++) {
            char c = values.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote toggles twice
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(values.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(values.substring(start).strip());
        return out;
    }

    /**
     * A partitioned index built without blocking writes: the index on the partitioned table alone ({@code ON ONLY},
     * a brief SHARE lock), then for each partition its own index built CONCURRENTLY (a partition that is partitioned
     * in turn gets an {@code ON ONLY} index and the same treatment) and attached to its parent's index; the last
     * attach makes the parent index valid. Every statement may run again after an interruption: the creates say IF NOT
     * EXISTS, attaching an index already attached to the same parent does nothing, and the runner drops a partition's
     * index a failed build left INVALID before it runs the step again ({@link AddPartitionedIndex#concurrentIndexes}).
     */
    static List<String> partitionedIndex(TableName table, Index index, List<Partition> partitions) {
        List<String> sql = new ArrayList<>();
        sql.add(ifNotExists(Ddl.createIndex(table, index, false, true)));
        attachAll(sql, new TableName(table.schema(), index.name()), index, partitions);
        return sql;
    }

    private static void attachAll(List<String> sql, TableName parentIndex, Index index, List<Partition> partitions) {
        for (Partition partition : partitions) {
            Index own = index.withName(childIndexName(partition.name(), index.name()));
            if (partition.partitioning() == null) {
                sql.add(ifNotExists(Ddl.createIndex(partition.qualifiedName(), own, true, false)));
            } else {
                sql.add(ifNotExists(Ddl.createIndex(partition.qualifiedName(), own, false, true)));
                attachAll(sql, new TableName(partition.schema(), own.name()), own, partition.partitioning().partitions());
            }
            sql.add("ALTER INDEX " + parentIndex.sql() + " ATTACH PARTITION "
                    + Identifiers.qualify(partition.schema(), own.name()));
        }
    }

    /** The leaf partitions' index names {@link #partitionedIndex} builds CONCURRENTLY, schema-qualified. */
    static List<TableName> leafIndexes(String index, List<Partition> partitions) {
        List<TableName> out = new ArrayList<>();
        for (Partition partition : partitions) {
            String own = childIndexName(partition.name(), index);
            if (partition.partitioning() == null) {
                out.add(new TableName(partition.schema(), own));
            } else {
                out.addAll(leafIndexes(own, partition.partitioning().partitions()));
            }
        }
        return out;
    }

    private static String ifNotExists(String createIndex) {
        return createIndex.replaceFirst("INDEX (CONCURRENTLY )?", "INDEX $1IF NOT EXISTS ");
    }

    /** {@code <partition>_<index>}, cut to PostgreSQL's 63 bytes (on a character boundary). */
    static String childIndexName(String partition, String index) {
        String name = partition + "_" + index;
        while (name.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    static String describe(Partition partition) {
        return partition.qualifiedName() + " (" + partition.bound() + ")";
    }
}
