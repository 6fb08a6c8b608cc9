package dev.zanith.internal.risk;

import dev.zanith.internal.risk.RiskTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/RISK.md identical to the published table the classifier generates (what {@code zanith risk
 * --format markdown} prints). To regenerate after changing the risk model:
 * {@code mvn -pl zanith-test-support,zanith-core test -Dtest=RiskDocTest -Dzanith.docs.write=true}.
 */
class RiskDocTest {

    @Test
    void committedRiskPageMatchesTheClassifier() throws IOException {
        Path doc = Path.of("..", "docs", "RISK.md");
        String expected = RiskTable.markdown();
        if (Boolean.getBoolean("zanith.docs.write")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("docs/RISK.md is out of date with the risk model; regenerate it with "
                + "mvn -pl zanith-test-support,zanith-core test -Dtest=RiskDocTest -Dzanith.docs.write=true "
                + "(or: bin/zanith risk --format markdown > docs/RISK.md) and review the diff").isEqualTo(expected);
    }
}
