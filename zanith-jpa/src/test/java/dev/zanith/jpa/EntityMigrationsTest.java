package dev.zanith.jpa;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.BaselineRequest;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.RenameHint;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.jpa.broken.NoIdentifier;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library entry point on a real server: the shop's entities (relations, an embeddable, STRING enums, indexes and
 * unique constraints, @Version columns) become a migration that applies, after which nothing is missing; version 2
 * of the model renames a column through a rename hint.
 */
@RealPostgres
class EntityMigrationsTest {

    private static final EntityModel SHOP = EntityModel.packages("dev.zanith.jpa.shop");
    private static final EntityModel SHOP_V2 = EntityModel.packages("dev.zanith.jpa.shoprenamed");

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        return Files.createDirectories(dir.resolve("migrations"));
    }

    private Zanith zanith(TestDatabase db, Path migrations) {
        return new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).lockWait(Duration.ZERO)
                .migrations(new DirectoryMigrationSource(migrations)).build());
    }

    private GenerateResult generate(Zanith zanith, EntityModel model, Path migrations, RenameHint... renames) {
        return EntityMigrations.generate(zanith, model, new GenerateRequest(dir.resolve("target/zanith/entities.sql"),
                migrations, null, new DiffOptions(DropStrategy.SOFT, List.of(renames)),
                zanith.shadow("database", false), Instant.now()));
    }

    private static List<OperationKind> kinds(GenerateResult result) {
        return result.operations().stream().map(Operation::kind).toList();
    }

    @Test
    void theEntitiesBecomeAMigrationThatAppliesAfterWhichNothingIsMissing(TestDatabase db) throws Exception {
        Zanith zanith = zanith(db, migrations());

        GenerateResult first = generate(zanith, SHOP, migrations());

        assertThat(first.file()).as("a migration was written").isNotNull();
        assertThat(kinds(first)).contains(OperationKind.CREATE_SEQUENCE, OperationKind.CREATE_TABLE,
                OperationKind.ADD_FOREIGN_KEY);
        // the script is Hibernate's, with Spring Boot's naming: snake case, join table after the owning table + attribute
        String script = Files.readString(dir.resolve("target/zanith/entities.sql"));
        assertThat(script).contains("create table purchase_orders_tags (purchase_order_id bigint not null, "
                + "tags_id bigint not null").contains("check ((status in ('ACTIVE','SUSPENDED')))");

        ApplyResult applied = zanith.apply(ApplyListener.NONE);
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();
        assertThat(db.queryForRows("SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM "
                + "information_schema.columns WHERE table_name = 'customers' ORDER BY column_name"))
                .containsExactly("city character varying YES|", "email character varying NO|",
                        "full_name character varying NO|", "id bigint NO|", "postal_code character varying YES|",
                        "status character varying NO|", "street character varying YES|", "version bigint NO|");
        assertThat(db.queryForRows("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                + "AND indexname NOT LIKE '\\_zanith%' ORDER BY 1")).containsExactlyInAnyOrder("customers_email_key|",
                "customers_full_name_idx|", "customers_pkey|", "purchase_orders_placed_at_idx|", "purchase_orders_pkey|",
                "purchase_orders_tags_pkey|", "tag_label_key|", "tag_pkey|");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                + "AND conrelid::regclass::text IN ('purchase_orders', 'purchase_orders_tags')")).isEqualTo(3);
        // the enum's check constraint holds
        db.execute("INSERT INTO customers (email, full_name, status, version) VALUES ('a@example.com', 'A', 'ACTIVE', 0)");
        assertThatThrownBy(() -> db.execute("INSERT INTO customers (email, full_name, status, version) "
                + "VALUES ('b@example.com', 'B', 'GONE', 0)")).hasMessageContaining("customers_status_check");

        GenerateResult second = generate(zanith, SHOP, migrations());
        assertThat(second.nothingToDo()).as("generating again: %s", second.operations()).isTrue();
        try (var files = Files.list(migrations())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aRenameHintRenamesTheColumnAndKeepsItsValues(TestDatabase db) throws Exception {
        Zanith zanith = zanith(db, migrations());
        generate(zanith, SHOP, migrations());
        assertThat(zanith.apply(ApplyListener.NONE).succeeded()).isTrue();
        db.execute("INSERT INTO customers (email, full_name, status, version) VALUES ('a@example.com', 'Ada', 'ACTIVE', 0)");

        // without the hint: a drop and an add, and generate names the suspected rename
        Path elsewhere = Files.createDirectories(dir.resolve("unhinted"));
        try (var files = Files.list(migrations())) {
            for (Path file : files.toList()) {
                Files.copy(file, elsewhere.resolve(file.getFileName()));
            }
        }
        GenerateResult unhinted = generate(zanith(db, elsewhere), SHOP_V2, elsewhere);
        assertThat(kinds(unhinted)).contains(OperationKind.SOFT_DROP_COLUMN).doesNotContain(OperationKind.RENAME_COLUMN);
        assertThat(unhinted.renameSuspects()).singleElement()
                .satisfies(s -> assertThat(s.hint()).contains("customers.full_name=customers.display_name"));

        GenerateResult renamed = generate(zanith, SHOP_V2, migrations(),
                RenameHint.parse("customers.full_name=customers.display_name"));

        assertThat(kinds(renamed)).contains(OperationKind.RENAME_COLUMN, OperationKind.ADD_COLUMN)
                .doesNotContain(OperationKind.SOFT_DROP_COLUMN, OperationKind.DROP_COLUMN);
        assertThat(Files.readString(renamed.file())).contains("CANCELLED"); // the enum's new value: a new check
        ApplyResult applied = zanith.apply(ApplyListener.NONE);
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();
        assertThat(db.queryForRows("SELECT display_name FROM customers")).containsExactly("Ada|");
        db.execute("INSERT INTO purchase_orders (customer_id, status, total, placed_at, version) "
                + "SELECT id, 'CANCELLED', 1, now(), 0 FROM customers");
        assertThat(generate(zanith, SHOP_V2, migrations()).nothingToDo()).isTrue();
    }

    @Test
    void anEntityInASchemaOfItsOwnBringsTheSchema(TestDatabase db) throws Exception {
        Zanith zanith = zanith(db, migrations());

        GenerateResult result = generate(zanith, EntityModel.packages("dev.zanith.jpa.billing"), migrations());

        assertThat(result.scope().schemas()).contains("billing");
        assertThat(Files.readString(dir.resolve("target/zanith/entities.sql"))).contains("create schema billing;");
        assertThat(zanith.apply(ApplyListener.NONE).succeeded()).isTrue();
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'billing' "
                + "AND table_name = 'invoice' AND column_name = 'amount_due'")).isOne();
        assertThat(generate(zanith, EntityModel.packages("dev.zanith.jpa.billing"), migrations()).nothingToDo()).isTrue();
    }

    /** A database Hibernate created (ddl-auto), baselined: nothing is missing, then only the model's change is. */
    @Test
    void afterABaselineOfWhatHibernateCreatedOnlyTheModelsChangeIsGenerated(TestDatabase db) throws Exception {
        Zanith zanith = zanith(db, migrations());
        db.execute(SHOP.createScript(zanith.inspect().server()));
        zanith.baseline(new BaselineRequest(null, null, false));

        assertThat(generate(zanith, SHOP, migrations()).nothingToDo()).isTrue();
        GenerateResult change = generate(zanith, SHOP_V2, migrations(),
                RenameHint.parse("customers.full_name=customers.display_name"));
        assertThat(change.operations()).extracting(Operation::summary).anyMatch(s -> s.contains("phone"))
                .anyMatch(s -> s.contains("display_name")).noneMatch(s -> s.contains("create table"));
        assertThat(kinds(change)).doesNotContain(OperationKind.CREATE_TABLE, OperationKind.CREATE_SEQUENCE,
                OperationKind.ADD_FOREIGN_KEY, OperationKind.SOFT_DROP_COLUMN);
        assertThat(zanith.apply(ApplyListener.NONE).succeeded()).isTrue();
        assertThat(generate(zanith, SHOP_V2, migrations()).nothingToDo()).isTrue();
    }

    @Test
    void aMappingHibernateRejectsOrAPackageWithoutEntitiesIsOneMessageAndWritesNothing(TestDatabase db)
            throws Exception {
        Zanith zanith = zanith(db, migrations());

        assertThatThrownBy(() -> generate(zanith, EntityModel.classes(NoIdentifier.class), migrations()))
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageStartingWith("Hibernate could not map entity classes dev.zanith.jpa.broken.NoIdentifier: ")
                .hasMessageContaining("NoIdentifier");
        assertThatThrownBy(() -> generate(zanith, EntityModel.packages("dev.zanith.jpa.nothing"), migrations()))
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageStartingWith("No @Entity, @Embeddable, @MappedSuperclass or @Converter class in "
                        + "dev.zanith.jpa.nothing");
        try (var files = Files.list(migrations())) {
            assertThat(files).isEmpty();
        }
    }
}
