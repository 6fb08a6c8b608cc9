package dev.zanith.cli;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.studio.Studio;
import dev.zanith.studio.StudioActions;
import dev.zanith.studio.WriteAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "studio", mixinStandardHelpOptions = true, description = "Serve Zanith Studio for one database on "
        + "127.0.0.1: overview, plan with what-if gates, history, schema snapshots, artifacts. Prints a URL with a "
        + "one-time token every request must carry. Read-only unless --allow-writes. Stop with Ctrl-C.")
final class StudioCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationOptions migrations;

    @Mixin
    GateOptions gates;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--open", description = "Open the Studio in the desktop's browser.")
    boolean open;

    @Option(names = "--allow-writes", description = "Serve apply, restore and purge (gates still apply: --max-risk, "
            + "--allow-destructive, --deny-reasons). Without it the Studio only reads.")
    boolean allowWrites;

    private final Console console;

    StudioCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        StudioServer server = start();
        console.println("Zanith Studio for " + new Zanith(config()).config().target() + " at");
        console.println("  " + server.url());
        console.println(allowWrites ? "Writes allowed (apply, restore, purge), gates enforced."
                : "Read-only: start with --allow-writes to apply, restore or purge.");
        console.println("Ctrl-C stops it.");
        console.out().flush();
        if (open) {
            openBrowser(server.url());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }

    /** Starts the server this command line describes (tests stop it themselves). */
    StudioServer start() {
        Zanith zanith = new Zanith(config());
        WriteAccess access = allowWrites ? WriteAccess.allowed("zanith studio --allow-writes")
                : WriteAccess.denied("Started without --allow-writes: restart zanith studio with --allow-writes to "
                        + "apply, restore or purge (gates still apply).");
        try {
            return StudioServer.start(new Studio(zanith, StudioActions.of(zanith), access, "zanith studio", m -> m), port);
        } catch (IOException e) {
            throw new ZanithException("Cannot serve the Studio on 127.0.0.1:" + port + ": " + e.getMessage()
                    + (port == 0 ? "" : " (is the port taken? pass another --port, or 0 for any free one)"), e);
        }
    }

    private ZanithConfig config() {
        return connection.configBuilder().migrations(migrations.source()).maxRisk(gates.maxRisk)
                .allowDestructive(gates.allowDestructive).denyReasons(gates.denyReasons).build();
    }

    private void openBrowser(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the note
        }
        console.warn("--open: no desktop browser to open here; open the URL above yourself.");
    }
}
