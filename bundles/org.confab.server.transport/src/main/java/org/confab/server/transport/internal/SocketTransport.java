package org.confab.server.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.protocol.FrameCodec;
import org.confab.server.api.FrameDispatcher;
import org.confab.server.api.ServerEndpoint;
import org.confab.server.api.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native Confab transport: a server socket whose every connection gets its own virtual thread
 * (cheap enough for 100,000 sessions, and blocking code stays simple). Translates bytes to frames
 * and hands them to the {@link FrameDispatcher}; knows nothing about accounts or messages.
 */
@Component(immediate = true, service = ServerEndpoint.class, configurationPid = "org.confab.server.transport",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SocketTransport implements ServerEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);

    private final ServerSocket serverSocket;
    private final ConnectionContext context;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Thread acceptor;

    @Activate
    public SocketTransport(@Reference FrameDispatcher dispatcher, @Reference SessionRegistry registry,
            TransportConfig config) throws IOException {
        this.maxConnections = config.maxConnections();
        this.context = new ConnectionContext(new FrameCodec(config.maxFrameBytes()), dispatcher, registry,
                Math.max(16, config.sendQueueFrames()));
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 4096);
        InetSocketAddress bound = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        // the launcher and the tests wait for exactly this phrase
        LOG.info("listening on {}:{}", bound.getAddress().getHostAddress(), bound.getPort());
        this.acceptor = Thread.ofPlatform().name("confab-acceptor").daemon().start(this::acceptLoop);
    }

    @Override
    public String protocol() {
        return "confab";
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    @Deactivate
    void stop() throws InterruptedException {
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.warn("closing the server socket failed", e);
        }
        acceptor.join(2000);
        context.registry().all().forEach(session -> session.close("SHUTDOWN", "the server is shutting down"));
        LOG.info("transport stopped");
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                if (open.incrementAndGet() > maxConnections) {
                    open.decrementAndGet();
                    Connection.refuseBusy(socket, context.codec());
                    continue;
                }
                Connection connection = new Connection(ids.incrementAndGet(), socket, context);
                Thread.ofVirtual().name("confab-conn-" + connection.id()).start(() -> {
                    try {
                        connection.run();
                    } finally {
                        open.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    LOG.warn("accept failed", e);
                }
            }
        }
    }
}
