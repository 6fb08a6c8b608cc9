package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A CHECK constraint of a domain. {@code definition} is as {@code pg_get_constraintdef()} prints it:
 * {@code CHECK ((VALUE > 0))}, without any {@code NOT VALID}.
 *
 * @param validated false for a constraint added {@code NOT VALID} and not yet validated
 */
public record DomainConstraint(String name, String definition, boolean validated) {

    public DomainConstraint {
        Lists.require(name, "domain constraint name");
        Lists.require(definition, "definition of domain constraint " + name);
    }

    /** The same constraint marked validated (operations carry validity in their own {@code notValid}). */
    public DomainConstraint asValidated() {
        return validated ? this : new DomainConstraint(name, definition, true);
    }

    /** Reads a constraint; left out, {@code validated} means validated. */
    @JsonCreator
    static DomainConstraint json(@JsonProperty("name") String name, @JsonProperty("definition") String definition,
                                 @JsonProperty("validated") @Nullable Boolean validated) {
        return new DomainConstraint(name, definition, validated == null || validated);
    }
}
