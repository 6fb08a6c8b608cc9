package dev.zanith.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@code zanith:generate} gets its declared schema when it is not a file: the application's own model (JPA
 * entities, say), turned into a declared schema file that generate then treats like any other (normalized on the
 * shadow, diffed against the live database plus pending migrations).
 * <p>
 * Implementations are found with {@link java.util.ServiceLoader} on the plugin's class path — a module added as a
 * {@code <dependency>} of zanith-maven-plugin, registered in
 * {@code META-INF/services/dev.zanith.maven.DeclaredSchemaSource} — and chosen by {@link #name()} with
 * {@code <declaredSource>NAME</declaredSource>} ({@code -Dzanith.declared-source=NAME}).
 */
public interface DeclaredSchemaSource {

    /** The name {@code <declaredSource>} selects this source by, e.g. {@code jpa}. */
    String name();

    /**
     * Writes the declared schema and returns the file: {@code .sql} (CREATE statements), or a schema graph
     * {@code .json} / {@code .yaml}, as {@code <declared>} accepts.
     *
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException when the options or the model are wrong; the message is shown to the user
     *                                  as the build's failure, so it says what to fix
     */
    Path write(Context context) throws IOException;

    /**
     * What a source gets from the build.
     *
     * @param classpath        the project's compile class path: its compiled classes first, then its dependencies
     * @param projectDirectory the project's base directory
     * @param workDirectory    a directory under {@code target/} the source may write into (it exists)
     * @param options          {@code <declaredSourceOptions>}: free-form settings for the source
     * @param log              the build log
     */
    record Context(List<Path> classpath, Path projectDirectory, Path workDirectory, Map<String, String> options,
                   Log log) {

        public Context {
            classpath = List.copyOf(classpath);
            options = Map.copyOf(options);
        }
    }
}
