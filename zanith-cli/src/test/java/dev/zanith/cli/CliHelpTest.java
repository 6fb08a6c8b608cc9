package dev.zanith.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliHelpTest {

    @Test
    void everyCommandAnswersHelpEvenWithRequiredOptions() {
        CommandLine root = ZanithCli.commandLine(new Console(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(12);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as("zanith %s --help: %s", path, result.err()).isZero();
            assertThat(result.out()).as("zanith %s --help", path).contains("Usage: zanith");
        }
    }

    @Test
    void generateSaysItsScopeComesFromTheDeclaredFileWhileOtherCommandsDefaultToPublic() {
        String generate = CliRunner.run("generate", "--help").out().replaceAll("\\s+", " ");
        assertThat(generate).contains("Default: the schemas the declared file creates or uses.")
                .doesNotContain("comma-separated. Default: public");
        assertThat(CliRunner.run("plan", "--help").out().replaceAll("\\s+", " ")).contains("comma-separated. Default: public");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }
}
