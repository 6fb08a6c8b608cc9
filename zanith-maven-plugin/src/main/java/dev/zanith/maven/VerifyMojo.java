package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.text.VerifyReport;
import dev.zanith.api.output.text.VerifyText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * {@code zanith:verify}: rehearse the pending migrations on a throwaway shadow database, observe each step's real
 * locks and rewrites, and compare the result with the declared schema. Prints what {@code zanith verify} prints;
 * DRIFT and FAILED fail the build, VERIFIED and NOTHING_PENDING pass it.
 */
@Mojo(name = "verify", threadSafe = true)
public final class VerifyMojo extends AbstractShadowMojo {

    /** Compare with this declared schema (.sql, .json, .yaml) instead of the steps' expected result. */
    @Parameter(property = "zanith.declared")
    File declared;

    /** text (the default), json (stable, for CI), markdown (a pull-request comment) or junit (a CI test report). */
    @Parameter(property = "zanith.format", defaultValue = "text")
    String format;

    /** Also write the report in {@code format} to this file. */
    @Parameter(property = "zanith.output-file")
    File outputFile;

    @Override
    void run(MavenOutput out) throws MojoExecutionException, MojoFailureException {
        String form = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "markdown", "junit").contains(form)) {
            throw new ZanithConfigException("<format> " + format + " is not one of text, json, markdown, junit.");
        }
        ZanithConfig config = configBuilder().build();
        VerifyResult result = new Zanith(config).verify(declared == null ? null : declared.toPath(),
                shadowProvider(config));
        String report = switch (form) {
            case "json" -> VerifyReport.json(result);
            case "markdown" -> VerifyReport.markdown(result);
            case "junit" -> VerifyReport.junit(result);
            default -> VerifyText.text(result, out);
        };
        out.print(report);
        if (outputFile != null) {
            write(outputFile, report);
        }
        switch (result.verdict()) {
            case VERIFIED, NOTHING_PENDING -> {
            }
            case DRIFT, FAILED -> throw new MojoFailureException("verify says " + VerifyText.verdictLine(result, out));
        }
    }
}
