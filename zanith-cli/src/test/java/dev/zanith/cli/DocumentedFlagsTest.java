package dev.zanith.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and flag that README.md and docs/ name exists: a command line written in the docs
 * ({@code zanith <command> [<subcommand>] … --flag}) resolves to a real command and each flag on it is that
 * command's; a flag named in prose is some command's.
 */
class DocumentedFlagsTest {

    /** Flags of other programs that the docs name, with the program. */
    private static final Map<String, String> OTHER_PROGRAMS = Map.of("--schema-only", "pg_dump");

    // "--name" not followed by "." (Spring Boot arguments such as --zanith.max-risk=40 are properties, checked by
    // the starter's metadata test) and not part of a longer word
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9-]*)(?![\\w-]|\\.\\w)");
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w./-])(?:bin/)?zanith((?: [a-z][a-z-]*)+)");

    private static List<Path> documents() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static CommandLine root() {
        return ZanithCli.commandLine(new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false));
    }

    private static Set<String> flagsOf(CommandLine command) {
        Set<String> names = new TreeSet<>();
        command.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    private static void allFlags(CommandLine command, Set<String> into) {
        into.addAll(flagsOf(command));
        command.getSubcommands().values().forEach(sub -> allFlags(sub, into));
    }

    @Test
    void everyFlagTheDocsNameIsAnOptionOfSomeCommand() throws IOException {
        Set<String> known = new TreeSet<>();
        allFlags(root(), known);
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FLAG.matcher(lines.get(i));
                while (m.find()) {
                    seen++;
                    String flag = "--" + m.group(1);
                    if (!known.contains(flag) && !OTHER_PROGRAMS.containsKey(flag)) {
                        unknown.add(doc.getFileName() + ":" + (i + 1) + ": " + flag);
                    }
                }
            }
        }
        assertThat(seen).as("flags found in the docs").isGreaterThan(40);
        assertThat(unknown).as("flags named in the docs that no command has").isEmpty();
        assertThat(known).doesNotContainAnyElementsOf(OTHER_PROGRAMS.keySet());
    }

    @Test
    void everyCommandLineInTheDocsNamesARealCommandAndItsOwnFlags() throws IOException {
        CommandLine root = root();
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher m = COMMAND.matcher(line);
                while (m.find()) {
                    String[] words = m.group(1).trim().split(" ");
                    CommandLine command = root.getSubcommands().get(words[0]);
                    if (command == null) {
                        continue; // prose such as "zanith is …" or "zanith and Flyway"; only command lines count
                    }
                    seen++;
                    for (int w = 1; w < words.length && command.getSubcommands().containsKey(words[w]); w++) {
                        command = command.getSubcommands().get(words[w]);
                    }
                    // the flags that follow on this line, up to the next command or the end of an inline code span
                    int end = line.indexOf('`', m.end());
                    int next = COMMAND.matcher(line).region(m.end(), line.length()).find() ? nextStart(line, m.end()) : -1;
                    int stop = Stream.of(end, next).filter(x -> x >= 0).min(Integer::compare).orElse(line.length());
                    Set<String> own = new TreeSet<>(flagsOf(command));
                    for (CommandLine parent = command.getParent(); parent != null; parent = parent.getParent()) {
                        parent.getCommandSpec().options().stream().filter(o -> o.inherited() || o.scopeType()
                                == CommandLine.ScopeType.INHERIT).forEach(o -> own.addAll(List.of(o.names())));
                    }
                    Matcher f = FLAG.matcher(line).region(m.end(), stop);
                    while (f.find()) {
                        String flag = "--" + f.group(1);
                        if (!own.contains(flag)) {
                            wrong.add(doc.getFileName() + ":" + (i + 1) + ": " + command.getCommandSpec().qualifiedName()
                                    + " has no " + flag);
                        }
                    }
                }
            }
        }
        assertThat(seen).as("command lines found in the docs").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    private static int nextStart(String line, int from) {
        Matcher m = COMMAND.matcher(line).region(from, line.length());
        return m.find() ? m.start() : -1;
    }
}
