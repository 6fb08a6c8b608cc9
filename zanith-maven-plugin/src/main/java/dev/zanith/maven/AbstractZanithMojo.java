package dev.zanith.maven;

import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.output.text.Durations;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the connection, Zanith's audit tables, the migrations directory and {@code skip}; and the
 * translation of Zanith's errors into one build-failure message. Each parameter is read, in this order, from the
 * plugin's {@code <configuration>}, the user property named in its {@code property} ({@code -Dzanith.url=…}), and
 * for the connection and the migrations directory the CLI's environment variable ({@code ZANITH_URL} …).
 */
abstract class AbstractZanithMojo extends AbstractMojo {

    /** The starter's default location, used when neither the configuration nor $ZANITH_MIGRATIONS names one. */
    static final String DEFAULT_MIGRATIONS = "src/main/resources/db/zanith/migrations";

    /**
     * Database: {@code jdbc:postgresql://HOST:PORT/DB[?user=U&password=P]} or {@code postgres://U:P@HOST:PORT/DB}.
     * Default: $ZANITH_URL.
     */
    @Parameter(property = "zanith.url")
    String url;

    /** Database user (overrides the URL's). Default: $ZANITH_USER. */
    @Parameter(property = "zanith.user")
    String user;

    /** Database password (overrides the URL's). Default: $ZANITH_PASSWORD. */
    @Parameter(property = "zanith.password")
    String password;

    /** Schemas to work on ({@code -Dzanith.schemas=a,b}). Default: public. */
    @Parameter(property = "zanith.schemas")
    List<String> schemas;

    /** Schema of Zanith's audit tables. Default: public. */
    @Parameter(property = "zanith.audit-schema")
    String auditSchema;

    /** Prefix of Zanith's audit tables and parked objects. Default: _zanith_. */
    @Parameter(property = "zanith.table-prefix")
    String tablePrefix;

    /**
     * Directory of migration files (.yaml, .sql), relative to the project. Default: $ZANITH_MIGRATIONS, else
     * src/main/resources/db/zanith/migrations when it exists.
     */
    @Parameter(property = "zanith.migrations")
    File migrations;

    /** Skip this goal. */
    @Parameter(property = "zanith.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Where the CLI's environment variables are read from ({@link System#getenv} outside tests). */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping zanith (zanith.skip=true).");
            return;
        }
        try {
            run(new MavenOutput(getLog()));
        } catch (ZanithException e) {
            // Zanith's own errors already say what, where and how to fix it: the message is the whole story
            throw new MojoExecutionException(e.getMessage());
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            // not a Zanith error: keep the cause, so -e shows its stack trace, but say it in one line
            throw new MojoExecutionException("Zanith stopped unexpectedly: " + e.getMessage()
                    + " (run Maven with -e to see where)", e);
        }
    }

    /** The goal itself; Zanith's exceptions become the build's failure message in {@link #execute()}. */
    abstract void run(MavenOutput out) throws MojoExecutionException, MojoFailureException;

    /** A configuration builder with the connection, audit tables and migrations filled in. */
    ZanithConfig.Builder configBuilder() {
        String database = orEnvironment(url, "ZANITH_URL");
        if (database == null) {
            // said here rather than by the configuration, whose message names the CLI's --url
            throw new ZanithConfigException("no database: set <url> in the plugin's configuration, "
                    + "-Dzanith.url=jdbc:postgresql://HOST:PORT/DATABASE or $ZANITH_URL.");
        }
        return ZanithConfig.builder().url(database).user(orEnvironment(user, "ZANITH_USER"))
                .password(orEnvironment(password, "ZANITH_PASSWORD")).schemas(schemas)
                .auditSchema(auditSchema == null ? ZanithConfig.DEFAULT_AUDIT_SCHEMA : auditSchema)
                .tablePrefix(tablePrefix == null ? ZanithConfig.DEFAULT_TABLE_PREFIX : tablePrefix)
                .migrations(migrationsDirectory() == null ? null : new DirectoryMigrationSource(migrationsDirectory()));
    }

    /** The migrations directory: configured, $ZANITH_MIGRATIONS (relative to the project), or the default if it exists. */
    @Nullable Path migrationsDirectory() {
        if (migrations != null) {
            return migrations.toPath();
        }
        String fromEnvironment = orEnvironment(null, "ZANITH_MIGRATIONS");
        if (fromEnvironment != null) {
            return project().resolve(fromEnvironment);
        }
        Path conventional = project().resolve(DEFAULT_MIGRATIONS);
        return Files.isDirectory(conventional) ? conventional : null;
    }

    Path project() {
        return basedir == null ? Path.of("").toAbsolutePath() : basedir.toPath();
    }

    @Nullable String orEnvironment(@Nullable String value, String variable) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        String fromEnvironment = environment.apply(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    /** Writes a report to {@code file} (parent directories created), and says so in the log. */
    void write(File file, String document) throws MojoExecutionException {
        try {
            Path parent = file.toPath().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file.toPath(), document);
            getLog().info("Written to " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write <outputFile> " + file + ": " + e.getMessage());
        }
    }

    /** A duration parameter ({@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h}, {@code 30d}), or null when unset. */
    static @Nullable Duration duration(@Nullable String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("<" + parameter + "> " + e.getMessage());
        }
    }
}
