package dev.zanith.internal.migration;

import dev.zanith.api.migration.ClasspathMigrationSource;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RawSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private List<Migration> load() {
        return MigrationLoader.load(new DirectoryMigrationSource(dir));
    }

    @Test
    void loadsYamlAndSqlOrderedByIdWithChecksums() throws IOException {
        write("20260102000000_second.yaml", """
                id: 20260102000000_second
                operations:
                  - addColumn:
                      table: users
                      column: {name: last_login, type: timestamptz}
                """);
        write("20260101000000_first.sql", "CREATE TABLE users (id int);\n");
        write("README.md", "not a migration");
        List<Migration> migrations = load();
        assertThat(migrations).extracting(Migration::id).containsExactly("20260101000000_first", "20260102000000_second");
        assertThat(migrations.get(0).operations()).containsExactly(new RawSql("CREATE TABLE users (id int);\n", null));
        assertThat(migrations.get(0).format()).isEqualTo(Migration.Format.SQL);
        AddColumn add = (AddColumn) migrations.get(1).operations().get(0);
        assertThat(add.table().toString()).isEqualTo("public.users");
        assertThat(add.column().type()).isEqualTo("timestamptz");
        assertThat(migrations.get(1).checksum()).hasSize(64);
    }

    @Test
    void flywayStyleVersionsSortNumerically() throws IOException {
        write("V10__ten.sql", "SELECT 10;");
        write("V2__two.sql", "SELECT 2;");
        write("V1__one.sql", "SELECT 1;");
        assertThat(load()).extracting(Migration::id).containsExactly("V1__one", "V2__two", "V10__ten");
    }

    @Test
    void unknownOperationNamesFileLineAndSuggestsTheRightOne() throws IOException {
        write("20260101000000_x.yaml", """
                id: 20260101000000_x
                operations:
                  - addColum:
                      table: users
                """);
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_x.yaml:3")
                .hasMessageContaining("unknown operation 'addColum'")
                .hasMessageContaining("Did you mean 'addColumn'?");
    }

    @Test
    void missingRequiredFieldSaysWhichAndWhere() throws IOException {
        write("20260101000000_x.yaml", """
                id: 20260101000000_x
                operations:
                  - addColumn:
                      column: {name: a, type: text}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_x.yaml:")
                .hasMessageContaining("addColumn requires 'table'");
    }

    @Test
    void unknownFieldListsTheKnownOnes() throws IOException {
        write("20260101000000_x.yaml", """
                id: 20260101000000_x
                operations:
                  - dropIndex:
                      table: users
                      index: users_idx
                """);
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_x.yaml:3 (operation 1)")
                .hasMessageContaining("dropIndex has no field 'index'")
                .hasMessageContaining("Known fields: concurrently, definition, name, table");
    }

    @Test
    void unknownColumnTypeNamesTheOperationLine() throws IOException {
        write("20260101000000_x.yaml", """
                id: 20260101000000_x
                description: typo
                operations:
                  - addColumn:
                      table: users
                      column: {name: a, type: text}
                  - addColumn:
                      table: users
                      column: {name: b, type: strng}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("20260101000000_x.yaml:7 (operation 2)")
                .hasMessageContaining("unknown column type 'strng'")
                .hasMessageContaining("qualify an enum");
    }

    @Test
    void qualifiedUserTypesArraysAndModifiersAreAccepted() {
        assertThat(ColumnTypes.problem("public.mood")).isEmpty();
        assertThat(ColumnTypes.problem("\"Sales\".\"Tier\"[]")).isEmpty();
        assertThat(ColumnTypes.problem("timestamp(3) with time zone")).isEmpty();
        assertThat(ColumnTypes.problem("numeric(12, 2)[]")).isEmpty();
        assertThat(ColumnTypes.problem("character varying(100)")).isEmpty();
        assertThat(ColumnTypes.problem("interval day to second")).isEmpty();
        assertThat(ColumnTypes.problem("bigserial")).isEmpty();
        assertThat(ColumnTypes.problem("integr")).get().asString().contains("did you mean 'integer'");
        assertThat(ColumnTypes.problem("citext")).isPresent();
    }

    @Test
    void badYamlReportsTheLine() throws IOException {
        write("20260101000000_x.yaml", "id: 20260101000000_x\noperations:\n  - addColumn: {table: users\n");
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class).hasMessageContaining("20260101000000_x.yaml:");
    }

    @Test
    void duplicateIdIsRejected() throws IOException {
        write("20260101000000_x.sql", "SELECT 1;");
        Files.createDirectories(dir.resolve("sub"));
        write("sub/20260101000000_x.sql", "SELECT 2;");
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("duplicate migration id '20260101000000_x'");
    }

    @Test
    void idMustMatchTheFileName() throws IOException {
        write("20260101000000_x.yaml", "id: 20260101000000_y\noperations:\n  - validateConstraint: {table: t, name: c}\n");
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessageContaining("id '20260101000000_y' does not match the file name '20260101000000_x'");
    }

    @Test
    void emptyOperationsAndEmptySqlAreRejected() throws IOException {
        write("20260101000000_x.yaml", "id: 20260101000000_x\n");
        assertThatThrownBy(this::load).hasMessageContaining("no operations");
        Files.delete(dir.resolve("20260101000000_x.yaml"));
        write("20260101000000_y.sql", "  \n");
        assertThatThrownBy(this::load).hasMessageContaining("the SQL migration is empty");
    }

    @Test
    void missingDirectoryIsAClearError() {
        assertThatThrownBy(() -> MigrationLoader.load(new DirectoryMigrationSource(dir.resolve("nope"))))
                .isInstanceOf(ZanithException.class).hasMessageContaining("does not exist");
    }

    @Test
    void loadsFromTheClasspathInDirectoriesAndJars() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/db/zanith/migrations"));
        Files.writeString(classes.resolve("V1__from_dir.sql"), "SELECT 1;");
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/zanith/migrations/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("db/zanith/migrations/V2__from_jar.yaml"));
            out.write("id: V2__from_jar\noperations:\n  - validateConstraint: {table: t, name: c}\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.resolve("classes").toUri().toURL(),
                jar.toUri().toURL()}, null)) {
            List<Migration> migrations = MigrationLoader.load(new ClasspathMigrationSource("classpath:db/zanith/migrations", loader));
            assertThat(migrations).extracting(Migration::id).containsExactly("V1__from_dir", "V2__from_jar");
            assertThat(migrations.get(1).operations().get(0).kind()).isEqualTo(OperationKind.VALIDATE_CONSTRAINT);
        }
    }

}
