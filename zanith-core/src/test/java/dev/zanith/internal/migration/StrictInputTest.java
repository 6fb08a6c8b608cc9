package dev.zanith.internal.migration;

import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.RenderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15, strict input: what a migration directory may hold, refused at load time with file and line. */
class StrictInputTest {

    private static final String ID = "20260101000000_add_nickname";

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<Migration> load() {
        return MigrationLoader.load(new DirectoryMigrationSource(dir));
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNotTheLastOneWins() throws IOException {
        write(ID + ".yaml", """
                id: 20260101000000_add_nickname
                operations:
                  - addColumn:
                      table: public.users
                      table: public.sentinel
                      column: {name: nickname, type: text}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ZanithException.class)
                .hasMessage(dir.resolve(ID + ".yaml") + ":5: the key \"table\" appears twice in one mapping. Write "
                        + "each key once.");
    }

    @Test
    void aSecondIdKeyIsAnErrorToo() throws IOException {
        write(ID + ".yaml", "id: " + ID + "\nid: 20260101000001_other\noperations: []\n");
        assertThatThrownBy(this::load).hasMessageContaining(":2: the key \"id\" appears twice");
    }

    @Test
    void aliasesNeverBecomeNames() throws IOException {
        write(ID + ".yaml", """
                id: 20260101000000_add_nickname
                x: &target public.sentinel
                operations:
                  - addColumn:
                      table: *target
                      column: {name: nickname, type: text}
                """);
        assertThatThrownBy(this::load).hasMessage(dir.resolve(ID + ".yaml")
                + ":5: YAML aliases (*target) are not allowed in migrations; write the value out where it is used.");
    }

    @Test
    void hiddenFilesEditorLeftoversAndHiddenDirectoriesAreNotMigrations() throws IOException {
        String broken = "not: [valid";
        write(".20260101000000_x.yaml", broken);
        write(".#20260101000000_x.yaml", broken);
        write("#20260101000000_x.yaml#", broken);
        write("20260101000000_x.yaml~", broken);
        write(".git/20260101000000_x.yaml", broken);
        write("20260101000000_x.sql", "SELECT 1;");
        assertThat(load()).extracting(Migration::id).containsExactly("20260101000000_x");
    }

    @Test
    void anIdentifierLongerThan63BytesIsRefusedWithTheName() throws IOException {
        String name = "a".repeat(60) + "_über";
        write(ID + ".yaml", """
                id: 20260101000000_add_nickname
                operations:
                  - addColumn:
                      table: public.users
                      column: {name: %s, type: text}
                """.formatted(name));
        assertThatThrownBy(this::load).hasMessage(dir.resolve(ID + ".yaml") + ":3 (operation 1): addColumn: the "
                + "name '" + name + "' is 66 bytes long; PostgreSQL keeps only the first 63 bytes of a name (two "
                + "names that differ later would be the same). Use a shorter name.");
    }

    @Test
    void archiveNamesKeepTheirStepTagWhenTheTableNameIsLong() {
        String table = "t".repeat(50);
        RenderContext first = new RenderContext(ID, 1, "_zanith_", "zanith_archive");
        RenderContext second = new RenderContext(ID, 2, "_zanith_", "zanith_archive");
        String a = first.archiveName(table, "payload");
        String b = second.archiveName(table, "payload");
        assertThat(a).isNotEqualTo(b).endsWith("__" + first.stepTag()).hasSizeLessThanOrEqualTo(63);
        assertThat(b).endsWith("__" + second.stepTag()).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void aHugeSingleLineIsRefusedBeforeAnyParsing() throws IOException {
        write(ID + ".yaml", "id: " + ID + "\noperations:\n  - rawSql: {sql: '" + "x".repeat(1_000_000) + "'}\n");
        long start = System.nanoTime();
        assertThatThrownBy(this::load).hasMessageStartingWith(dir.resolve(ID + ".yaml") + ":3: the line is 1000021 "
                + "characters long; lines of a YAML migration may have at most 65536.");
        // Not a speed target: a check that the line is refused before the YAML parser sees it (it took seconds).
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aYamlFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws IOException {
        StringBuilder big = new StringBuilder("id: " + ID + "\noperations:\n");
        while (big.length() <= MigrationSource.MAX_YAML_BYTES) {
            big.append("  # ").append("padding ".repeat(100)).append('\n');
        }
        write(ID + ".yaml", big.toString());
        assertThatThrownBy(this::load).hasMessageContaining("a YAML migration may have at most 1048576");
    }

    @Test
    void aFileGivenAsTheDirectoryIsNamedAsSuch() throws IOException {
        write(ID + ".yaml", "id: " + ID + "\n");
        assertThatThrownBy(() -> MigrationLoader.load(new DirectoryMigrationSource(dir.resolve(ID + ".yaml"))))
                .hasMessage("Migrations directory " + dir.resolve(ID + ".yaml") + " is a file, not a directory. Point "
                        + "--migrations at the directory that holds it (" + dir + ").");
    }

    @Test
    void validInputStillLoads() throws IOException {
        write(ID + ".yaml", """
                id: 20260101000000_add_nickname
                operations:
                  - addColumn:
                      table: public.users
                      column: {name: nickname, type: "character varying(20)", defaultExpression: "'a;b'"}
                """);
        assertThat(((AddColumn) load().get(0).operations().get(0)).column().defaultExpression()).isEqualTo("'a;b'");
    }
}
