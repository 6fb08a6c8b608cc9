package dev.zanith.benchmarks;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class LargeSchemaGeneratorTest {

    private static final int TABLES = 40;
    private static final int FOREIGN_KEYS = 150;

    private static LiveSchema generateAndIntrospect(TestDatabase db, long seed) throws Exception {
        GeneratedSchema schema = new LargeSchemaGenerator(TABLES, FOREIGN_KEYS, seed).generate();
        try (Connection c = db.connect()) {
            schema.applyTo(c, done -> { });
            return new Introspector(IntrospectionOptions.of(List.of("public"))).introspect(c);
        }
    }

    @Test
    void introspectsExactlyWhatWasGenerated(TestDatabase db) throws Exception {
        ExpectedCounts expected = new LargeSchemaGenerator(TABLES, FOREIGN_KEYS, 7).generate().expected();
        SchemaGraph graph = generateAndIntrospect(db, 7).graph();

        assertThat(graph.tables()).hasSize(TABLES);
        assertThat(graph.foreignKeyCount()).isEqualTo(FOREIGN_KEYS);
        assertThat(IntrospectedCounts.of(graph).matches(expected)).isTrue();
        assertThat(graph.columnCount()).isEqualTo(expected.columns());
        assertThat(graph.indexCount()).isEqualTo(expected.indexes()).isPositive();
        assertThat(graph.enums()).hasSize(5);
        assertThat(graph.routines()).hasSize(expected.functions()).isNotEmpty();
        assertThat(graph.triggers()).hasSize(expected.triggers()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.function()).isEqualTo("public.set_updated_at()"));
        assertThat(db.queryForLong("SELECT count(*) FROM pg_catalog.pg_views WHERE schemaname = 'public'"))
                .isEqualTo(expected.views()).isPositive();
        assertThat(graph.views()).hasSize(expected.views());
        assertThat(graph.tables()).allSatisfy(t -> {
            assertThat(t.primaryKey()).isNotNull();
            assertThat(t.columns().get(0).identity()).isNotNull();
            // id + created_at + 4..14 optional columns, plus foreign-key columns
            assertThat(t.columns().size() - t.foreignKeys().size()).isBetween(6, 16);
            assertThat(t.foreignKeys()).extracting(ForeignKey::referencedTable).doesNotHaveDuplicates();
        });
        assertThat(graph.tables()).flatExtracting(Table::checkConstraints).isNotEmpty();
        assertThat(graph.tables()).flatExtracting(Table::uniqueConstraints).isNotEmpty();
        assertThat(graph.tables()).flatExtracting(Table::indexes).extracting(Index::predicate)
                .anyMatch(p -> p != null);
    }

    @Test
    void sameSeedGivesTheSameFingerprint(TestDatabase first, TestDatabase second) throws Exception {
        String one = generateAndIntrospect(first, 11).fingerprint();
        String two = generateAndIntrospect(second, 11).fingerprint();
        assertThat(one).isEqualTo(two);
    }

    @Test
    void generatesTheSameDdlForTheSameSeedAndOtherDdlForAnother() {
        String ddl = new LargeSchemaGenerator(TABLES, FOREIGN_KEYS, 3).generate().ddl();
        assertThat(new LargeSchemaGenerator(TABLES, FOREIGN_KEYS, 3).generate().ddl()).isEqualTo(ddl);
        assertThat(new LargeSchemaGenerator(TABLES, FOREIGN_KEYS, 4).generate().ddl()).isNotEqualTo(ddl);
    }

    @Test
    void hitsTheForeignKeyCountExactlyAtEveryScale() {
        assertThat(new LargeSchemaGenerator(1_000, 3_967, 42).generate().expected().foreignKeys()).isEqualTo(3_967);
        assertThat(LargeSchemaGenerator.scaledForeignKeys(10_000)).isEqualTo(39_670);
        String ddl = new LargeSchemaGenerator(1_000, 3_967, 42).generate().ddl();
        assertThat(ddl.split("FOREIGN KEY", -1)).hasSize(3_967 + 1);
        // Full capacity: table i (from 0) references i earlier tables and itself.
        assertThat(LargeSchemaGenerator.maxForeignKeys(3)).isEqualTo(6);
        assertThat(new LargeSchemaGenerator(3, 6, 1).generate().ddl().split("FOREIGN KEY", -1)).hasSize(7);
        assertThat(new LargeSchemaGenerator(1, 0, 1).generate().expected().tables()).isEqualTo(1);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new LargeSchemaGenerator(0, 0, 1)).isInstanceOf(ZanithException.class);
        assertThatThrownBy(() -> new LargeSchemaGenerator(2, 4, 1)).isInstanceOf(ZanithException.class)
                .hasMessageContaining("0 to 3 foreign keys");
    }
}
