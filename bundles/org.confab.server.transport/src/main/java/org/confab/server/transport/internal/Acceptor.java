package org.confab.server.transport.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

import org.confab.server.spi.Supervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept loop: takes connections until the server socket is closed and hands each to
 * {@code start}. Whatever starting one connection meets (an Error too) closes that connection and is
 * logged; the loop goes on, since a server whose only acceptor ended looks alive but takes nobody.
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);

    private final ServerSocket serverSocket;
    private final Consumer<Socket> start;

    Acceptor(ServerSocket serverSocket, Consumer<Socket> start) {
        this.serverSocket = serverSocket;
        this.start = start;
    }

    @Override
    public void run() {
        Supervised.loop("the accept loop", () -> !serverSocket.isClosed(), this::acceptOne);
    }

    private void acceptOne() {
        Socket tcp;
        try {
            tcp = serverSocket.accept();
        } catch (IOException e) {
            if (!serverSocket.isClosed()) {
                LOG.warn("accept failed", e);
            }
            return;
        }
        try {
            start.accept(tcp);
        } catch (RuntimeException | Error e) {
            Connection.closeQuietly(tcp);
            throw e;
        }
    }
}
