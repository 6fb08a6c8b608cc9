package dev.zanith.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, without a terminal, capturing both streams. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ZanithCli.execute(new Console(new PrintWriter(out), new PrintWriter(err), false), args);
        return new Result(code, out.toString(), err.toString());
    }
}
