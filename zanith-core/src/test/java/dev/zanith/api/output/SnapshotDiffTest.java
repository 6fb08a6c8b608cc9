package dev.zanith.api.output;

import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotDiffTest {

    private static SchemaGraph graph(Table... tables) {
        return new SchemaGraph(List.of("public"), List.of(), List.of(), List.of(), List.of(tables));
    }

    private static Table users(List<Column> columns) {
        return Table.of("public", "users", columns).withPrimaryKey(PrimaryKey.of("users_pkey", List.of("id")));
    }

    @Test
    void namesAddedRemovedAndChangedModelsAndFields() {
        SchemaGraph before = graph(users(List.of(Column.of("id", "bigint", true), Column.of("email", "text", false),
                Column.of("legacy", "text", false))), Table.of("public", "audit_old", List.of(Column.of("id", "int", true))));
        SchemaGraph after = graph(users(List.of(Column.of("id", "bigint", true), Column.of("email", "text", true),
                        Column.of("last_login", "timestamp with time zone", false).withDefault("now()")))
                        .withIndexes(List.of(new Index("users_email_idx", true, null, List.of("email"), List.of(), false,
                                null, List.of(), true))),
                Table.of("public", "events", List.of(Column.of("id", "bigint", true))));

        SnapshotDiff diff = SnapshotDiff.between(before, after);

        assertThat(diff.models()).extracting(SnapshotDiff.ModelChange::model, SnapshotDiff.ModelChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("public.audit_old", SnapshotDiff.Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("public.events", SnapshotDiff.Change.ADDED),
                        org.assertj.core.groups.Tuple.tuple("public.users", SnapshotDiff.Change.CHANGED));
        SnapshotDiff.ModelChange users = diff.models().get(2);
        assertThat(users.fields()).containsExactly(
                new SnapshotDiff.FieldChange("email", SnapshotDiff.Change.CHANGED, "text", "text NOT NULL"),
                new SnapshotDiff.FieldChange("legacy", SnapshotDiff.Change.REMOVED, "text", null),
                new SnapshotDiff.FieldChange("last_login", SnapshotDiff.Change.ADDED, null,
                        "timestamp with time zone DEFAULT now()"));
        assertThat(users.details()).containsExactly("index users_email_idx: added unique (email)");
        assertThat(diff.models().get(1).fields()).extracting(SnapshotDiff.FieldChange::field).containsExactly("id");
        assertThat(SnapshotDiff.between(after, after).isEmpty()).isTrue();
    }
}
