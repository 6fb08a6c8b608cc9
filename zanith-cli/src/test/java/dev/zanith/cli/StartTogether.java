package dev.zanith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Test main for concurrent processes: prints "ready", waits until the file named by the first argument exists,
 * then runs the CLI with the remaining arguments. Lets several JVMs start a command at the same moment.
 */
public final class StartTogether {

    private StartTogether() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path go = Path.of(args[0]);
        System.out.println("ready");
        System.out.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.err.println("never told to go");
                System.exit(99);
            }
            Thread.sleep(2);
        }
        ZanithCli.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
