package org.confab.server.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The accept loop outlives an Error while starting a connection, and still accepts the next ones. */
class AcceptorTest {

    @Test
    void anErrorWhileStartingAConnectionDoesNotEndTheAcceptLoop() throws Exception {
        BlockingQueue<Socket> started = new LinkedBlockingQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(new Acceptor(server, tcp -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("injected by the test");
                }
                started.add(tcp);
            }));
            InetSocketAddress address = (InetSocketAddress) server.getLocalSocketAddress();
            try (Socket first = new Socket(address.getAddress(), address.getPort());
                    Socket second = new Socket(address.getAddress(), address.getPort())) {
                first.setSoTimeout(5000);
                assertEquals(-1, first.getInputStream().read(), "the connection whose start failed is closed");
                Socket accepted = started.poll(10, TimeUnit.SECONDS);
                assertTrue(accepted != null, "the connection after the Error was accepted and started");
                accepted.close();
            }
            assertTrue(acceptor.isAlive(), "the accept loop still runs");
            server.close();
            acceptor.join(5000);
            assertTrue(!acceptor.isAlive(), "and ends when the server socket is closed");
        }
    }
}
