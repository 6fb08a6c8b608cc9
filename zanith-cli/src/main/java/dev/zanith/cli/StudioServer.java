package dev.zanith.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zanith.studio.Studio;
import dev.zanith.studio.StudioRequest;
import dev.zanith.studio.StudioResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Studio on the JDK's HTTP server for {@code zanith studio}: bound to 127.0.0.1 only, every request carrying
 * the random token of the printed URL, as {@code ?token=} (the first request; answered with a same-site cookie) or as
 * that cookie. Anything without it answers 401 and reaches no route.
 */
final class StudioServer {

    static final String COOKIE = "zanith_studio";

    private final Studio studio;
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;

    private StudioServer(Studio studio, String token, HttpServer server, ExecutorService executor) {
        this.studio = studio;
        this.token = token;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1:{@code port} (0: any free port) with a fresh token. */
    static StudioServer start(Studio studio, int port) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(6, r -> {
            Thread thread = new Thread(r, "zanith-studio");
            thread.setDaemon(true);
            return thread;
        });
        StudioServer studioServer = new StudioServer(studio, token, server, executor);
        server.createContext("/", studioServer::handle);
        server.setExecutor(executor);
        server.start();
        return studioServer;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String token() {
        return token;
    }

    /** The URL to open: the start page with the token. */
    String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + token;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> query = StudioRequest.parseQuery(exchange.getRequestURI().getRawQuery());
            boolean byQuery = matches(Optional.ofNullable(query.get("token")).flatMap(v -> v.stream().findFirst()));
            if (!byQuery && !matches(cookie(exchange))) {
                send(exchange, StudioResponse.text(401, "text/plain; charset=utf-8", "This Studio needs the token of "
                        + "the URL zanith studio printed (…/?token=…).\n"));
                return;
            }
            if (byQuery) {
                exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token
                        + "; Path=/; HttpOnly; SameSite=Strict");
            }
            query.remove("token");
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            send(exchange, studio.handle(new StudioRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), query, headers)));
        }
    }

    private boolean matches(Optional<String> candidate) {
        return candidate.isPresent() && MessageDigest.isEqual(candidate.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE)) {
                    return Optional.of(pair[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static void send(HttpExchange exchange, StudioResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        // 0: chunked, so a streaming body (events, an export) reaches the browser as it is written
        exchange.sendResponseHeaders(response.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            response.body().writeTo(out);
        } catch (IOException | RuntimeException e) {
            // the client went away, or a streaming body failed after its headers were sent: nothing more to say
        }
    }
}
