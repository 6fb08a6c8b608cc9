package dev.zanith.jpa;

import dev.zanith.Zanith;
import dev.zanith.api.GenerateRefusedException;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.schema.ServerVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The library entry point (used by the Maven plugin's {@code generate} goal): a Zanith migration from a JPA entity
 * model. The model's {@code CREATE} script ({@link EntityModel#createScript}) is the declared schema; everything
 * after that is {@code zanith generate} through {@link Zanith#generate}: normalized on the shadow like any declared
 * {@code .sql}, diffed against the live database plus the pending migrations, rename hints and drop strategy from
 * the request, and proven on the shadow before the file is written.
 */
public final class EntityMigrations {

    private EntityMigrations() {
    }

    /**
     * Writes the model's script to {@code request.declared()}, then generates with it as the declared schema.
     *
     * @param request as for {@code zanith generate}; its {@code declared} path is where the entity script is written
     *                (a {@code .sql} file, overwritten, its directories created), so that a statement PostgreSQL
     *                rejects can be found at the {@code file:line:column} the error names
     * @return what generate did; {@link GenerateResult#nothingToDo()} when the database (plus pending migrations)
     *         already has the entities' schema
     * @throws GenerateRefusedException when the migration, run on the shadow, does not reach the entities' schema
     *                                  (no file is written)
     * @throws ZanithException          for a mapping Hibernate rejects, an unreachable database, and the like: one
     *                                  message, no file written
     */
    public static GenerateResult generate(Zanith zanith, EntityModel model, GenerateRequest request) {
        writeDeclaredSchema(zanith, model, request.declared());
        return zanith.generate(request);
    }

    /**
     * Writes the model's {@code CREATE} script, with the dialect for the version of the server {@code zanith}
     * targets, to {@code file} (a {@code .sql} file; overwritten, its directories created).
     *
     * @return the script written
     */
    public static String writeDeclaredSchema(Zanith zanith, EntityModel model, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".sql")) {
            throw new ZanithConfigException("The entity script " + file + " must be a .sql file: it is read back as "
                    + "the declared schema.");
        }
        ServerVersion server = zanith.inspect().server();
        String script = model.createScript(server);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ZanithException("Could not write the entity script " + file + ": " + e.getMessage(), e);
        }
        return script;
    }
}
