package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zanith studio}: loopback only, the URL's token on every request, writes only with --allow-writes. */
@RealPostgres
class StudioCommandTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Path migrations(TestDatabase db) throws IOException {
        db.execute("CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'x')");
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("20260101000000_drop_body.yaml"), """
                id: 20260101000000_drop_body
                operations:
                  - dropColumn:
                      table: public.notes
                      column: body
                """);
        return m;
    }

    private StudioServer start(TestDatabase db, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl(), "--migrations", migrations(db).toString()));
        args.addAll(List.of(extra));
        StudioCommand command = new StudioCommand(new Console(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false));
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.start();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(StudioServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    }

    private static HttpRequest.Builder write(StudioServer server, String path) {
        return request(server, path).header("Cookie", StudioServer.COOKIE + "=" + server.token())
                .header("X-Zanith-Studio", "1").header("Origin", "http://127.0.0.1:" + server.port())
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void everyRequestNeedsTheTokenOfThePrintedUrl(TestDatabase db) throws Exception {
        StudioServer server = start(db);
        try {
            assertThat(server.url()).startsWith("http://127.0.0.1:" + server.port() + "/?token=" + server.token());
            assertThat(send(request(server, "/api/overview")).statusCode()).isEqualTo(401);
            assertThat(send(request(server, "/")).statusCode()).isEqualTo(401);
            assertThat(send(request(server, "/api/overview?token=wrong")).statusCode()).isEqualTo(401);
            assertThat(send(request(server, "/api/overview").header("Cookie", StudioServer.COOKIE + "=wrong"))
                    .statusCode()).isEqualTo(401);

            HttpResponse<String> page = send(request(server, "/?token=" + server.token()));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .startsWith(StudioServer.COOKIE + "=" + server.token()).contains("HttpOnly", "SameSite=Strict"));
            HttpResponse<String> overview = send(request(server, "/api/overview")
                    .header("Cookie", StudioServer.COOKIE + "=" + server.token()));
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("\"pending\":[\"20260101000000_drop_body\"]")
                    .contains("\"allowed\":false").contains("--allow-writes");
            assertThat(send(request(server, "/api/artifacts/nope?token=" + server.token())).statusCode()).isEqualTo(404);
        } finally {
            server.stop();
        }
    }

    @Test
    void writesAreRefusedWithoutAllowWritesAndGatesStillApplyWithIt(TestDatabase db) throws Exception {
        StudioServer readOnly = start(db);
        try {
            HttpResponse<String> refused = send(write(readOnly, "/api/apply"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("writes_disabled").contains("--allow-writes");
        } finally {
            readOnly.stop();
        }
        db.execute("DROP TABLE notes");
        StudioServer writable = start(db, "--allow-writes");
        try {
            HttpResponse<String> gated = send(write(writable, "/api/apply"));
            assertThat(gated.statusCode()).as(gated.body()).isEqualTo(409);
            assertThat(gated.body()).contains("\"refused\":true").contains("--allow-destructive");
            HttpResponse<String> noHeader = send(request(writable, "/api/apply?token=" + writable.token())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(noHeader.statusCode()).isEqualTo(403);
        } finally {
            writable.stop();
        }
        db.execute("DROP TABLE notes");
        StudioServer consenting = start(db, "--allow-writes", "--allow-destructive");
        try {
            HttpResponse<String> applied = send(write(consenting, "/api/apply"));
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(applied.body()).contains("\"applied\":[\"20260101000000_drop_body\"]");
        } finally {
            consenting.stop();
        }
    }
}
