package dev.zanith.maven;

import dev.zanith.api.output.text.TextOutput;
import org.apache.maven.plugin.logging.Log;

/**
 * The build log as a {@link TextOutput}: report lines at INFO, warnings at WARN, no color (Maven's log is a file
 * as often as a terminal) and no progress bars (backfill progress comes as a line every 5 s).
 */
final class MavenOutput implements TextOutput {

    private final Log log;

    MavenOutput(Log log) {
        this.log = log;
    }

    @Override
    public boolean color() {
        return false;
    }

    @Override
    public void println(String line) {
        log.info(line);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    /** A multi-line text (a rendered report) as one log line per line. */
    void print(String text) {
        text.lines().forEach(log::info);
    }
}
