package dev.zanith.cli;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real PostgreSQL server that goes silent once a connection has logged in: it forwards
 * everything up to and including the server's n-th ReadyForQuery message (authentication and startup pass), then
 * keeps the connection open but never forwards another byte to the client. What a client sees is a server that
 * accepted the connection, let it log in, and then stopped answering (a hung server, a dead peer behind a
 * load balancer).
 */
final class SilentAfterLogin implements AutoCloseable {

    private final int answered;
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * Starts proxying to the server of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?...}), silent after the
     * {@code answered}-th ReadyForQuery of each connection (1: right after the login; 2: after the driver's own
     * first query, so that the connection opens and the first statement of the application hangs).
     */
    SilentAfterLogin(String jdbcUrl, int answered) throws IOException {
        this.answered = answered;
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 5432;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-after-login");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * {@code jdbcUrl} pointed at this proxy, without SSL or GSS encryption (the proxy reads the plain protocol)
     * and with {@code socketTimeout} seconds as the connection's socket timeout.
     */
    String url(String jdbcUrl, int socketTimeout) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&";
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + uri.getRawPath() + "?" + query
                + "sslmode=disable&gssEncMode=disable&socketTimeout=" + socketTimeout;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                sockets.add(client);
                sockets.add(server);
                start(() -> copy(client.getInputStream(), server.getOutputStream()));
                start(() -> untilReady(server.getInputStream(), client.getOutputStream(), answered));
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    @FunctionalInterface
    private interface Pump {
        void run() throws IOException;
    }

    private static void start(Pump pump) {
        Thread t = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException closed) {
                // one side closed the connection
            }
        }, "silent-after-login-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /** Forwards whole backend messages up to the {@code answered}-th ReadyForQuery ('Z'), then swallows everything. */
    private static void untilReady(InputStream serverIn, OutputStream clientOut, int answered) throws IOException {
        int ready = 0;
        DataInputStream in = new DataInputStream(serverIn);
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw new EOFException();
            }
            int length = in.readInt();
            byte[] body = new byte[length - 4];
            in.readFully(body);
            clientOut.write(type);
            clientOut.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                    (byte) length});
            clientOut.write(body);
            clientOut.flush();
            if (type == 'Z' && ++ready == answered) {
                break;
            }
        }
        byte[] buffer = new byte[8192];
        while (serverIn.read(buffer) >= 0) {
            // silent from now on: the answers are read and dropped
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
