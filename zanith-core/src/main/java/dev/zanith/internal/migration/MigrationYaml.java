package dev.zanith.internal.migration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The YAML form of migration files: one mapper for reading and writing, and operation line numbers. */
final class MigrationYaml {

    /** The document a YAML migration file holds; {@code reversal} is shown for review and never executed. */
    record Document(String id, String description, List<Operation> operations, JsonNode reversal) {
    }

    /** In operations, validity is the operation's business ({@code notValid}), not the definition's. */
    @JsonIgnoreProperties({"valid"})
    private interface IndexInOperations {
    }

    @JsonIgnoreProperties({"validated"})
    private interface ConstraintInOperations {
    }

    /** A restrictive policy must say so: the reader's default is permissive, as in CREATE POLICY. */
    private interface PolicyInOperations {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        boolean permissive();
    }

    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .registerSubtypes(Arrays.stream(OperationKind.values())
                    .map(kind -> new NamedType(kind.type(), kind.id())).toArray(NamedType[]::new))
            .addMixIn(Index.class, IndexInOperations.class)
            .addMixIn(CheckConstraint.class, ConstraintInOperations.class)
            .addMixIn(ForeignKey.class, ConstraintInOperations.class)
            .addMixIn(dev.zanith.api.schema.Policy.class, PolicyInOperations.class)
            .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT,
                    JsonInclude.Include.NON_DEFAULT))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A key written twice is an error, never "the last one wins" (it could retarget a step).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private MigrationYaml() {
    }

    /** The longest line a YAML migration may have, in characters (checked before any YAML parsing). */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /**
     * What makes {@code yaml} unacceptable before it is bound, as {@code "LINE: problem"}, or null: a line longer
     * than {@link #MAX_LINE_CHARS} (found in one pass, before a parser sees the text), or an alias ({@code *name}):
     * anchors and aliases would let one value stand for another, so they are refused rather than resolved.
     * Syntax errors are left to the real parse, which reports them with their location.
     */
    static String refusal(String yaml) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            if (i == yaml.length() || yaml.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    return line + ": the line is " + (i - lineStart) + " characters long; lines of a YAML migration "
                            + "may have at most " + MAX_LINE_CHARS + ". Break long SQL over several lines (a | block)";
                }
                line++;
                lineStart = i + 1;
            }
        }
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    return parser.currentTokenLocation().getLineNr() + ": YAML aliases (*" + parser.getString()
                            + ") are not allowed in migrations; write the value out where it is used";
                }
            }
        } catch (RuntimeException e) {
            return null; // the real parse reports the syntax error with its location
        }
        return null;
    }

    /** The line on which each element of the top-level {@code operations} list starts (1-based). */
    static List<Integer> operationLines(String yaml) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            int depth = 0;
            boolean inOperations = false;
            int operationsDepth = -1;
            String lastTopLevelName = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && depth == 1) {
                    lastTopLevelName = parser.currentName();
                }
                if (token.isStructStart()) {
                    if (inOperations && depth == operationsDepth) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                    }
                    depth++;
                    if (token == JsonToken.START_ARRAY && depth == 2 && "operations".equals(lastTopLevelName)) {
                        inOperations = true;
                        operationsDepth = depth;
                    }
                } else if (token.isStructEnd()) {
                    depth--;
                    if (inOperations && depth < operationsDepth) {
                        inOperations = false;
                    }
                }
            }
        } catch (RuntimeException e) {
            return lines; // the real parse reports the syntax error with its location
        }
        return lines;
    }
}
