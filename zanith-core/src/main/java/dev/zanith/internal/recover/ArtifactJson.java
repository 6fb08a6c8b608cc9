package dev.zanith.internal.recover;

import dev.zanith.api.output.ArtifactDefinition;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zanith.api.exception.ZanithException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of {@link ArtifactDefinition} (the {@code definition} column): compact, nulls and empties left out. */
final class ArtifactJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.NON_EMPTY))
            // Rows written by a newer Zanith stay readable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ArtifactJson() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static ArtifactDefinition read(String json, String artifactId) {
        try {
            return JSON.readValue(json, ArtifactDefinition.class);
        } catch (JacksonException e) {
            throw new ZanithException("The definition of artifact " + artifactId + " in the artifacts table is not "
                    + "readable (" + e.getOriginalMessage() + "). Was it edited by hand? Inspect it with: SELECT "
                    + "definition FROM _zanith_migration_artifacts WHERE id = '" + artifactId + "'", e);
        }
    }
}
