package dev.zanith.internal.introspect;

import dev.zanith.api.ops.AttachPartition;
import dev.zanith.api.ops.DetachPartition;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.SoftDropTable;
import dev.zanith.api.schema.Partition;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.diff.Differ;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition an interrupted {@code DETACH ... CONCURRENTLY} left detach pending is not shown as simply attached:
 * introspection (full and incremental) marks it, the JSON form carries the mark (and only for such a partition), and
 * the differ completes the detach: detached again (apply finalizes it) when the declared schema drops it, detached and
 * attached again when the declared schema keeps it.
 */
@RealPostgres
class PendingDetachIntrospectionTest {

    private static final TableName EVENTS = new TableName("public", "events");
    private static final TableName JANUARY = new TableName("public", "events_2026_01");

    @Test
    void introspectionMarksTheDetachPendingPartition(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        Introspector introspector = new Introspector(IntrospectionOptions.defaults());
        TrackedSchema before;
        try (Connection c = db.connect()) {
            before = introspector.introspectTracked(c);
        }
        assertThat(partitions(before.graph())).extracting(Partition::detachPending).containsExactly(false, false);
        assertThat(SchemaGraphJson.toJson(before.graph())).doesNotContain("detachPending");

        PendingDetachFixture.leaveJanuaryPending(db);
        SchemaGraph full;
        SchemaGraph refreshed;
        try (Connection c = db.connect()) {
            full = introspector.introspect(c).graph();
            refreshed = introspector.refresh(c, before).graph();
        }
        assertThat(partitions(full)).extracting(p -> p.name() + " " + p.detachPending())
                .containsExactly("events_2026_01 true", "events_2026_02 false");
        assertThat(refreshed).as("the incremental reading sees the change too").isEqualTo(full);
        assertThat(PendingDetaches.in(full)).extracting(f -> f.parent() + " " + f.partition().qualifiedName())
                .containsExactly("public.events public.events_2026_01");

        String json = SchemaGraphJson.toJson(full);
        assertThat(json).containsOnlyOnce("\"detachPending\" : true");
        assertThat(SchemaGraphJson.fromJson(json, "test.json")).isEqualTo(full);
        assertThat(SchemaGraphJson.fingerprint(full)).isNotEqualTo(SchemaGraphJson.fingerprint(before.graph()));
    }

    @Test
    void theDifferCompletesThePendingDetach(TestDatabase db) throws Exception {
        PendingDetachFixture.create(db);
        Introspector introspector = new Introspector(IntrospectionOptions.defaults());
        SchemaGraph attached;
        SchemaGraph pending;
        try (Connection c = db.connect()) {
            attached = introspector.introspect(c).graph();
            PendingDetachFixture.leaveJanuaryPending(db);
            pending = introspector.introspect(c).graph();
        }
        // Declared with the partition attached: the half-done detach completes, and the partition is attached again
        // (online: a matching CHECK validated first so the attach does not scan under its lock).
        List<Operation> keep = Differ.diff(pending, attached).operations();
        assertThat(keep).extracting(o -> o.kind().id()).containsExactly("detachPartition", "addCheckConstraint",
                "validateConstraint", "attachPartition", "dropCheckConstraint");
        DetachPartition detach = (DetachPartition) keep.get(0);
        assertThat(detach.parent()).isEqualTo(EVENTS);
        assertThat(detach.partition().qualifiedName()).isEqualTo(JANUARY);
        assertThat(detach.partition().detachPending()).as("a migration file does not carry the live state").isFalse();
        assertThat(((AttachPartition) keep.get(3)).partition().qualifiedName()).isEqualTo(JANUARY);

        // Declared without it: detached (finalized on apply), then parked like any dropped table.
        SchemaGraph without = attached.withTables(attached.tables().stream().map(t -> t.qualifiedName().equals(EVENTS)
                ? t.withPartitioning(t.partitioning().without(JANUARY)) : t).toList());
        List<Operation> drop = Differ.diff(pending, without).operations();
        assertThat(drop).extracting(o -> o.kind().id()).containsExactly("detachPartition", "softDropTable");
        assertThat(((SoftDropTable) drop.get(1)).table()).isEqualTo(JANUARY);
        assertThat(Differ.diff(attached, attached).operations()).isEmpty();
    }

    private static List<Partition> partitions(SchemaGraph graph) {
        Table events = graph.table(EVENTS).orElseThrow();
        return events.partitioning().partitions();
    }
}
