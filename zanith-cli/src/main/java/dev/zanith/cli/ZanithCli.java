package dev.zanith.cli;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** {@code zanith}: the command line front end over zanith-core. */
@Command(name = "zanith", mixinStandardHelpOptions = true, versionProvider = ZanithCli.Version.class,
        subcommands = {InspectCommand.class, GenerateCommand.class, DiffCommand.class, PlanCommand.class,
                VerifyCommand.class, ApplyCommand.class, StatusCommand.class, HistoryCommand.class,
                SnapshotCommand.class, RepairCommand.class, RecoverCommand.class, RiskCommand.class,
                BaselineCommand.class, AdoptCommand.class, StudioCommand.class},
        description = "Risk-gated, audited, recoverable PostgreSQL schema migrations.",
        footer = {"", "Exit codes: 0 success · 1 error · 2 usage · 3 refused by a gate.",
                "Docs: README.md · risk table: zanith risk"})
public final class ZanithCli implements Runnable {

    private final CommandLine.Model.CommandSpec[] spec = new CommandLine.Model.CommandSpec[1];

    @CommandLine.Spec
    void spec(CommandLine.Model.CommandSpec value) {
        spec[0] = value;
    }

    @Override
    public void run() {
        spec[0].commandLine().usage(spec[0].commandLine().getOut());
    }

    /** The whole command tree, writing to {@code console}. */
    static CommandLine commandLine(Console console) {
        CommandLine cli = new CommandLine(new ZanithCli(), new CommandFactory(console));
        cli.setOut(console.out());
        cli.setErr(console.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        addHelpOptions(cli);
        describeGenerateScope(cli.getSubcommands().get("generate").getCommandSpec());
        return cli;
    }

    /**
     * generate shares {@code --schemas} with every database command, but without it the declared file decides
     * which schemas are compared (GenerateCommand passes no schemas then), so the shared "Default: public" would
     * be false in its help.
     */
    private static void describeGenerateScope(CommandLine.Model.CommandSpec generate) {
        CommandLine.Model.OptionSpec shared = generate.findOption("--schemas");
        generate.remove(shared);
        generate.addOption(CommandLine.Model.OptionSpec.builder(shared).description(
                "Schemas to compare, comma-separated; a declared object outside them is an error. Default: the "
                        + "schemas the declared file creates or uses.").build());
    }

    /** Every command and subcommand answers {@code -h}/{@code --help}, even one with required options. */
    private static void addHelpOptions(CommandLine commandLine) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        if (spec.options().stream().noneMatch(CommandLine.Model.OptionSpec::usageHelp)) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        commandLine.getSubcommands().values().forEach(ZanithCli::addHelpOptions);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(Console.system(out, err), args));
    }

    /** Runs one command line and returns its exit code; never throws, never prints a stack trace. */
    public static int execute(Console console, String... args) {
        CommandLine cli = commandLine(console);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            console.error(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, console.err());
            console.err().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            console.err().flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            console.out().flush();
            if (ex instanceof ZanithConfigException) {
                console.error(ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof ZanithException) {
                console.error(ex.getMessage());
                return ExitCodes.ERROR;
            }
            console.error("unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + (debug() ? "" : " (set ZANITH_DEBUG=1 to see the stack trace)"));
            if (debug()) {
                ex.printStackTrace(console.err());
            }
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }

    private static boolean debug() {
        return System.getenv("ZANITH_DEBUG") != null;
    }

    /** Creates commands with the console they write to. */
    private static final class CommandFactory implements CommandLine.IFactory {
        private final Console console;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        CommandFactory(Console console) {
            this.console = console;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Console.class).newInstance(console);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = ZanithCli.class.getResourceAsStream("/zanith-cli.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[]{"zanith " + props.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
