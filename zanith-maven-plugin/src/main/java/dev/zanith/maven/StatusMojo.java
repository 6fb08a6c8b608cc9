package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.output.StatusReport;
import dev.zanith.api.output.text.StatusJson;
import dev.zanith.api.output.text.StatusText;
import dev.zanith.api.output.text.TextOutput;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Locale;

/**
 * {@code zanith:status}: applied, pending and failed migrations, and who holds the apply lock; what {@code zanith
 * status} prints. Read-only.
 */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends AbstractZanithMojo {

    /** text (the default) or json, printed in the log. */
    @Parameter(property = "zanith.format", defaultValue = "text")
    String format;

    /** Also write the status in {@code format} to this file. */
    @Parameter(property = "zanith.output-file")
    File outputFile;

    @Override
    void run(MavenOutput out) throws MojoExecutionException {
        String form = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!form.equals("text") && !form.equals("json")) {
            throw new ZanithConfigException("<format> " + format + " is not one of text, json.");
        }
        StatusReport report = new Zanith(configBuilder().build()).status();
        String document;
        if (form.equals("json")) {
            document = StatusJson.toJson(report);
            out.print(document);
        } else {
            StatusText.print(report, out);
            StringBuilder text = new StringBuilder();
            StatusText.print(report, TextOutput.into(text));
            document = text.toString();
        }
        if (outputFile != null) {
            write(outputFile, document);
        }
    }
}
