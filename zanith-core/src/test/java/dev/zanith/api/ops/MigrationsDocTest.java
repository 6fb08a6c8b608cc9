package dev.zanith.api.ops;

import dev.zanith.internal.migration.MigrationWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the operation reference in docs/MIGRATIONS.md identical to what the code accepts. To regenerate after
 * changing an operation: {@code ./mvnw -pl zanith-test-support,zanith-core test -Dtest=MigrationsDocTest -Dzanith.docs.write=true}.
 */
class MigrationsDocTest {

    private static final String BEGIN = "<!-- BEGIN GENERATED OPERATION REFERENCE -->";
    private static final String END = "<!-- END GENERATED OPERATION REFERENCE -->";

    static String reference() {
        StringBuilder out = new StringBuilder();
        OperationKind.Family family = null;
        for (OperationKind kind : OperationKind.values()) {
            if (kind.family() != family) {
                family = kind.family();
                out.append("\n### ").append(family.title()).append("\n\n_").append(family.tagline()).append("_\n");
            }
            Operation sample = OperationSamples.all().get(kind);
            String fields = Arrays.stream(kind.type().getRecordComponents()).map(RecordComponent::getName)
                    .map(name -> "`" + name + "`").collect(Collectors.joining(", "));
            String yaml = MigrationWriter.render("x", null, List.of(sample), List.of(), List.of());
            String operationYaml = yaml.substring(yaml.indexOf("operations:") + "operations:\n".length(), yaml.indexOf("\n# Reversal"))
                    .stripTrailing();
            out.append("\n#### `").append(kind.id()).append("`\n\n").append(javadocLikeSummary(sample)).append("\n\n")
                    .append("Fields: ").append(fields).append(".\n\n```yaml\n").append(operationYaml).append("\n```\n\n")
                    .append("```sql\n").append(sample.render(new RenderContext("20260101000000_example", 1, "_zanith_",
                            "zanith_archive")).script().stripTrailing()).append("\n```\n");
        }
        return out.toString();
    }

    private static String javadocLikeSummary(Operation sample) {
        return "Example: " + sample.summary() + ".";
    }

    @Test
    void operationReferenceMatchesTheCode() throws IOException {
        Path doc = Path.of("..", "docs", "MIGRATIONS.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("docs/MIGRATIONS.md has the generated-reference markers").isNotNegative();
        String expected = text.substring(0, begin + BEGIN.length()) + "\n" + reference() + "\n" + text.substring(end);
        if (Boolean.getBoolean("zanith.docs.write")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(text).as("docs/MIGRATIONS.md is out of date; regenerate with "
                + "./mvnw -pl zanith-test-support,zanith-core test -Dtest=MigrationsDocTest -Dzanith.docs.write=true")
                .isEqualTo(expected);
    }
}
