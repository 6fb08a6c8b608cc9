package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.api.output.text.StatusText;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code zanith:status}: applied, pending and failed migrations, and who holds the apply lock; what {@code zanith
 * status} prints. Read-only.
 */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends AbstractZanithMojo {

    @Override
    void run(MavenOutput out) {
        StatusText.print(new Zanith(configBuilder().build()).status(), out);
    }
}
