package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.text.VerifyText;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

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

    @Override
    void run(MavenOutput out) throws MojoFailureException {
        ZanithConfig config = configBuilder().build();
        VerifyResult result = new Zanith(config).verify(declared == null ? null : declared.toPath(),
                shadowProvider(config));
        out.print(VerifyText.text(result, out));
        switch (result.verdict()) {
            case VERIFIED, NOTHING_PENDING -> {
            }
            case DRIFT, FAILED -> throw new MojoFailureException("verify says " + VerifyText.verdictLine(result, out));
        }
    }
}
