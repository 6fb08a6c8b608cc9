package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.RenameHint;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.output.text.GenerateText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * {@code zanith:generate}: compare the declared schema with the live database (plus pending migrations) and write the
 * difference as a new migration file, proven on a shadow before it is written; what {@code zanith generate} does.
 * The declared schema is a file ({@code <declared>}) or comes from a {@link DeclaredSchemaSource} on the plugin's
 * class path ({@code <declaredSource>}); the project's compile class path is resolved for such a source.
 */
@Mojo(name = "generate", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public final class GenerateMojo extends AbstractShadowMojo {

    /** The declared schema: a .sql file of CREATE statements, or a schema graph .json/.yaml. */
    @Parameter(property = "zanith.declared")
    File declared;

    /** Take the declared schema from the {@link DeclaredSchemaSource} of this name instead of a file. */
    @Parameter(property = "zanith.declared-source")
    String declaredSource;

    /** Settings for the {@code declaredSource}, passed to it as they are. */
    @Parameter
    Map<String, String> declaredSourceOptions;

    /** Name the migration. Default: derived from its operations. */
    @Parameter(property = "zanith.name")
    String name;

    /**
     * How removed columns and tables are dropped: soft (parked, restorable; the default), archive (data copied out,
     * restorable) or hard (permanent).
     */
    @Parameter(property = "zanith.drop-strategy", defaultValue = "soft")
    String dropStrategy;

    /** Declare renames instead of a drop and add: table.old=table.new (a column) or old=new (a table). */
    @Parameter(property = "zanith.renames")
    List<String> renames;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
    List<String> classpathElements;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    void run(MavenOutput out) throws MojoExecutionException {
        Path directory = migrationsDirectory();
        if (directory == null) {
            throw new ZanithConfigException("generate needs a migrations directory, where it writes the new file: "
                    + "<migrations>DIR</migrations>, -Dzanith.migrations=DIR or $ZANITH_MIGRATIONS (or create "
                    + DEFAULT_MIGRATIONS + ").");
        }
        DropStrategy strategy;
        try {
            strategy = DropStrategy.valueOf(dropStrategy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("<dropStrategy> " + dropStrategy + " is not one of soft, archive, hard.");
        }
        DiffOptions options = new DiffOptions(strategy,
                (renames == null ? List.<String>of() : renames).stream().map(RenameHint::parse).toList());
        Path declaredFile = declaredSchema();
        ZanithConfig config = configBuilder().build();
        // without <schemas> the declared schema says which schemas it is about, as in the CLI
        GenerateResult result = new Zanith(config).generate(new GenerateRequest(declaredFile, directory, name, options,
                shadowProvider(config), Instant.now(), schemas == null || schemas.isEmpty() ? null : schemas));
        GenerateText.print(result, declaredFile.toString(), "mvn zanith:plan", out);
    }

    /** The declared schema file: {@code <declared>}, or written by the chosen {@link DeclaredSchemaSource}. */
    private Path declaredSchema() throws MojoExecutionException {
        if (declared != null && declaredSource != null) {
            throw new ZanithConfigException("generate takes one declared schema: <declared> or <declaredSource>, not both.");
        }
        if (declared != null) {
            return declared.toPath();
        }
        if (declaredSource == null) {
            throw new ZanithConfigException("generate needs the declared schema: <declared>FILE</declared> "
                    + "(-Dzanith.declared=FILE: a .sql file of CREATE statements, or a schema graph .json/.yaml), or "
                    + "<declaredSource>NAME</declaredSource> for a source on the plugin's class path.");
        }
        Map<String, DeclaredSchemaSource> sources = new TreeMap<>();
        ServiceLoader.load(DeclaredSchemaSource.class, getClass().getClassLoader())
                .forEach(source -> sources.put(source.name(), source));
        DeclaredSchemaSource source = sources.get(declaredSource);
        if (source == null) {
            throw new ZanithConfigException("No declared-schema source named '" + declaredSource + "' on the plugin's "
                    + "class path" + (sources.isEmpty() ? "" : " (there are: " + String.join(", ", sources.keySet()) + ")")
                    + ": add the module that provides it as a <dependency> of zanith-maven-plugin.");
        }
        Path work = (buildDirectory == null ? project().resolve("target") : buildDirectory.toPath())
                .resolve("zanith").resolve(declaredSource);
        List<Path> classpath = new ArrayList<>();
        if (classpathElements != null) {
            classpathElements.forEach(element -> classpath.add(Path.of(element)));
        }
        try {
            Files.createDirectories(work);
            Path written = source.write(new DeclaredSchemaSource.Context(classpath, project(), work,
                    declaredSourceOptions == null ? Map.of() : declaredSourceOptions, getLog()));
            getLog().info("Declared schema from " + declaredSource + ": " + written);
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("The declared-schema source '" + declaredSource + "' could not write its "
                    + "schema: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("The declared-schema source '" + declaredSource + "': " + e.getMessage());
        }
    }
}
