package dev.zanith.api;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.output.Difference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code generate} wrote no file because the migration it would have written was proven wrong on the shadow:
 * a step failed there, or the result still differs from the declared schema. The message says which and how
 * to go on; {@link #differences()} lists what remained, model by model (empty when a step failed).
 */
public final class GenerateRefusedException extends ZanithException {

    private static final long serialVersionUID = 1L;

    private final transient List<Difference> differences;

    public GenerateRefusedException(String message, List<Difference> differences, @Nullable Throwable cause) {
        super(message, cause);
        this.differences = List.copyOf(differences);
    }

    /** What the shadow still had different from the declared schema after the generated steps ran. */
    public List<Difference> differences() {
        return differences;
    }
}
