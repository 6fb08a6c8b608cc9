package dev.zanith.cli;

import dev.zanith.api.ops.OperationKind;
import dev.zanith.internal.risk.RiskTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RiskCommandTest {

    @Test
    void printsEveryOperationKindWithLevelScoreReasonsLockAndRewrite() {
        CliRunner.Result result = CliRunner.run("risk");
        assertThat(result.exitCode()).isZero();
        for (OperationKind kind : OperationKind.values()) {
            assertThat(result.out()).contains(kind.id());
        }
        assertThat(result.out()).contains("destructive  80–100").contains("OPERATION").contains("REWRITE")
                .contains("drops_column_with_data").contains("ACCESS EXCLUSIVE (rewrite)").doesNotContain("\u001B[");
    }

    @Test
    void markdownIsTheCommittedRiskPage() throws Exception {
        CliRunner.Result result = CliRunner.run("risk", "--format", "markdown");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(RiskTable.markdown())
                .isEqualTo(Files.readString(Path.of("..", "docs", "RISK.md"), StandardCharsets.UTF_8));
    }

    @Test
    void jsonListsEveryRow() {
        CliRunner.Result result = CliRunner.run("risk", "--format", "json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("{").contains("\"operationKind\" : \"rawSql\"").contains("\"bySize\"");
        assertThat(CliRunner.run("risk", "--format", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
