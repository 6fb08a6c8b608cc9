package dev.zanith.spring.autoconfigure;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.output.Plan;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which migrations {@code background-long-running} leaves for after startup: from the first one with a step that
 * {@link dev.zanith.api.ops.Operation#longRunning()} says is long-running — the same steps that get the long statement
 * timeout, so a validated foreign key counts (it scans the table) and one added NOT VALID does not.
 */
class ZanithStartupTest {

    @Test
    void theBackgroundStartsAtTheFirstValidatedForeignKeyNotAtOneAddedNotValid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__tables.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n");
        Files.writeString(dir.resolve("V2__fk_not_valid.yaml"), foreignKey("V2__fk_not_valid", "orders_user_fkey", true));
        Files.writeString(dir.resolve("V3__fk_validated.yaml"), foreignKey("V3__fk_validated", "orders_user_fkey2", false));
        try (TestDatabase db = PostgresServer.shared().createDatabase("startup")) {
            Plan plan = new Zanith(ZanithConfig.builder().url(db.jdbcUrl())
                    .migrations(new DirectoryMigrationSource(dir)).build()).plan();
            assertThat(ZanithStartup.firstLongRunning(plan, null)).contains("V3__fk_validated");
            assertThat(ZanithStartup.firstLongRunning(plan, "V3__fk_validated"))
                    .as("nothing long-running before the refused migration").isEmpty();
        }
    }

    private static String foreignKey(String id, String name, boolean notValid) {
        return "id: " + id + "\noperations:\n  - addForeignKey:\n      table: public.orders\n      foreignKey:\n"
                + "        name: " + name + "\n        columns: [user_id]\n        referencedSchema: public\n"
                + "        referencedTable: users\n        referencedColumns: [id]\n      notValid: " + notValid + "\n";
    }
}
