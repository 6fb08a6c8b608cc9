package dev.zanith.internal.diff;

import dev.zanith.api.DiffOptions;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.ArchiveTable;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.ops.AttachPartition;
import dev.zanith.api.ops.CreatePartition;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.DropPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.Partitioning;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The differ's part for partitioned tables: partitions created, attached (an ordinary table of the live schema that the
 * declared schema shows as a partition), re-bounded (detached, then attached under the new bound) and dropped. The
 * partition key of an existing table cannot change in place: a changed key is a warning, and the table is left alone.
 */
final class PartitionDiff {

    /** The operations, by the differ's phase they belong to. */
    static final class Phases {
        final List<Operation> creates = new ArrayList<>();
        final List<Operation> detaches = new ArrayList<>();
        final List<Operation> attaches = new ArrayList<>();
        final List<Operation> drops = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    private final DiffOptions options;
    private final SchemaGraph working;
    private final SchemaGraph target;
    private final Phases out;

    PartitionDiff(DiffOptions options, SchemaGraph working, SchemaGraph target, Phases out) {
        this.options = options;
        this.working = working;
        this.target = target;
        this.out = out;
    }

    /**
     * Tables of the live schema the declared schema shows as partitions (and no longer as tables): they are attached,
     * not dropped and created.
     */
    static Set<TableName> attached(SchemaGraph working, SchemaGraph target) {
        Set<TableName> names = new HashSet<>();
        for (Table table : target.tables()) {
            if (table.partitioning() != null) {
                for (Partition p : table.partitioning().descendants()) {
                    if (working.table(p.qualifiedName()).isPresent() && target.table(p.qualifiedName()).isEmpty()) {
                        names.add(p.qualifiedName());
                    }
                }
            }
        }
        return names;
    }

    /** A new partitioned table: the partitions that are live tables now are attached after it is created. */
    Table newTable(Table table, Set<TableName> attached) {
        if (table.partitioning() == null) {
            return table;
        }
        Partitioning created = table.partitioning();
        for (Partition p : table.partitioning().partitions()) {
            if (attached.contains(p.qualifiedName())) {
                created = created.without(p.qualifiedName());
                attach(table.qualifiedName(), p, table.partitioning().key());
            }
        }
        return table.withPartitioning(created);
    }

    /** An existing table: its partitioning compared. */
    void alter(Table live, Table wanted, Set<TableName> attached) {
        TableName name = wanted.qualifiedName();
        if (live.partitioning() == null && wanted.partitioning() == null) {
            return;
        }
        if (live.partitioning() == null || wanted.partitioning() == null
                || !live.partitioning().key().equals(wanted.partitioning().key())) {
            out.warnings.add("table " + name + " is " + describe(live.partitioning()) + " but declared "
                    + describe(wanted.partitioning()) + "; the partition key of a table cannot change in place, so "
                    + "Zanith leaves it to a hand-written migration (create the new table, move the rows, swap)");
            return;
        }
        partitions(name, live.partitioning(), wanted.partitioning(), attached);
    }

    private void partitions(TableName parent, Partitioning live, Partitioning wanted, Set<TableName> attached) {
        for (Partition p : wanted.partitions()) {
            Optional<Partition> existing = live.partition(p.qualifiedName());
            if (existing.isEmpty()) {
                if (attached.contains(p.qualifiedName())) {
                    attach(parent, p, wanted.key());
                } else if (target.table(p.qualifiedName()).isPresent()) {
                    continue; // a declared table of the same name: reported by the removal side
                } else {
                    out.creates.add(new CreatePartition(parent, p));
                }
                continue;
            }
            Partition before = existing.get();
            boolean keyChanged = !Objects.equals(key(before), key(p));
            if (keyChanged) {
                out.warnings.add("partition " + p.qualifiedName() + " of " + parent + " is " + describe(before.partitioning())
                        + " but declared " + describe(p.partitioning()) + "; a partition key cannot change in place, "
                        + "so Zanith leaves it to a hand-written migration");
                continue;
            }
            if (!before.bound().equals(p.bound()) || before.detachPending()) {
                // Its rows stay: detached (concurrently where the server allows it), attached again under the new bound.
                // One an interrupted detach left pending is attached in name only: its detach is completed (apply
                // runs FINALIZE) and it is attached again.
                out.detaches.add(new DetachPartition(parent, before.settled(), concurrently(live)));
                attach(parent, p.partitioning() == null ? p
                        : new Partition(p.schema(), p.name(), p.bound(), before.partitioning()), wanted.key());
            }
            if (before.partitioning() != null && p.partitioning() != null) {
                partitions(p.qualifiedName(), before.partitioning(), p.partitioning(), attached);
            }
        }
        for (Partition gone : live.partitions()) {
            if (wanted.partition(gone.qualifiedName()).isPresent()) {
                continue;
            }
            if (target.table(gone.qualifiedName()).isPresent()) {
                out.warnings.add("partition " + gone.qualifiedName() + " of " + parent + " is declared as an ordinary "
                        + "table; Zanith does not generate the detach: write a detachPartition step (the table keeps "
                        + "its rows), then generate again");
                continue;
            }
            switch (options.dropStrategy()) {
                case HARD -> out.drops.add(new DropPartition(parent, gone.settled()));
                // Restorable: detached (its rows kept as an ordinary table), then parked like any dropped table.
                case SOFT -> {
                    out.drops.add(new DetachPartition(parent, gone.settled(), concurrently(live)));
                    out.drops.add(new SoftDropTable(gone.qualifiedName(), null));
                }
                case ARCHIVE -> {
                    out.drops.add(new DetachPartition(parent, gone.settled(), concurrently(live)));
                    out.drops.add(new ArchiveTable(gone.qualifiedName(), null));
                }
            }
        }
    }

    /**
     * Attaches online where the bound can be proven by a CHECK: added NOT VALID, validated in a step of its own (a scan
     * that blocks nobody), so that ATTACH, which holds ACCESS EXCLUSIVE on the table, finds the bound proven and does
     * not scan; the CHECK is dropped after.
     */
    private void attach(TableName parent, Partition partition, String key) {
        TableName table = partition.qualifiedName();
        Optional<String> check = options.onlineSafe() ? AttachPartition.boundCheck(key, partition.bound())
                : Optional.empty();
        if (check.isPresent()) {
            CheckConstraint proof = new CheckConstraint(AttachPartition.BOUND_CHECK, check.get(), false, false);
            out.attaches.add(new AddCheckConstraint(table, proof, true));
            out.attaches.add(new ValidateConstraint(table, proof.name()));
        }
        out.attaches.add(new AttachPartition(parent, partition));
        if (check.isPresent()) {
            out.attaches.add(new DropCheckConstraint(table, AttachPartition.BOUND_CHECK,
                    new CheckConstraint(AttachPartition.BOUND_CHECK, check.get(), true, false)));
        }
    }

    /** DETACH ... CONCURRENTLY is refused while the parent has a DEFAULT partition, and is only worth it online. */
    private boolean concurrently(Partitioning parent) {
        return options.onlineSafe() && parent.defaultPartition().isEmpty();
    }

    private static String key(Partition p) {
        return p.partitioning() == null ? null : p.partitioning().key();
    }

    private static String describe(Partitioning partitioning) {
        return partitioning == null ? "not partitioned" : "partitioned by " + partitioning.key();
    }
}
