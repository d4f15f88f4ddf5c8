package org.confab.server.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.confab.protocol.Fingerprint;
import org.confab.protocol.FrameCodec;
import org.confab.server.api.ServerEndpoint;
import org.confab.server.spi.DataDirectory;
import org.confab.server.spi.FrameDispatcher;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native Confab transport: a server socket (TLS unless configured otherwise) whose every
 * connection gets its own virtual thread (cheap enough for 100,000 sessions, and blocking code stays
 * simple). Translates bytes to frames and hands them to the {@link FrameDispatcher}; knows nothing
 * about accounts or messages.
 *
 * <p>It opens the port only once its {@code startCondition}s are present: by default the framework's
 * {@code true} condition. When the launch names built-in plugins, the launcher adds
 * {@code confab.plugins.builtIn}, which the plugin management bundle registers once their first-start
 * install is over, so the first client already finds their message types; when it starts a cluster
 * node, {@code confab.cluster.loginGate}, so no login is served before the node can refuse or route it.
 * The launcher then sets the target to match them all and {@code startCondition.cardinality.minimum}
 * to their number.
 */
@Designate(ocd = TransportConfig.class)
@Component(immediate = true, service = ServerEndpoint.class, configurationPid = "org.confab.server.transport",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SocketTransport implements ServerEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
    /** Refusals in flight at once; beyond that a refused socket is just closed, so a flood costs no threads. */
    private static final int MAX_CONCURRENT_REFUSALS = 64;

    private final ServerSocket serverSocket;
    private final ConnectionContext context;
    private final ConnectionLimits limits;
    private final Optional<Fingerprint> fingerprint;
    private final Optional<TlsServerSockets> tls;
    private final Semaphore refusals = new Semaphore(MAX_CONCURRENT_REFUSALS);
    private final AtomicLong ids = new AtomicLong();
    private final Thread acceptor;

    @Activate
    public SocketTransport(@Reference FrameDispatcher dispatcher, @Reference SessionRegistry registry,
            @Reference DataDirectory data,
            @Reference(name = "startCondition", target = "(" + Condition.CONDITION_ID + "=" + Condition.CONDITION_ID_TRUE + ")",
                    cardinality = ReferenceCardinality.AT_LEAST_ONE) List<Condition> startConditions, TransportConfig config) throws IOException, GeneralSecurityException {
        this.limits = new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress(), config.ipv6PrefixLength());
        FrameCodec codec = new FrameCodec(config.maxFrameBytes());
        long totalQueue = config.sendQueueTotalMiB() > 0 ? (long) config.sendQueueTotalMiB() << 20
                : Runtime.getRuntime().maxMemory() / 4;
        this.context = new ConnectionContext(codec, dispatcher, registry, Math.max(16, config.sendQueueFrames()),
                Math.max(2L * codec.maxFrameBytes(), (long) config.sendQueueKiB() << 10), new SendBudget(totalQueue),
                Math.max(1, config.controlFramesPerSecond()), Math.max(1, config.controlFrameBurst()));
        this.tls = config.tls() ? Optional.of(TlsServerSockets.from(config, dataDirectory(config, data)))
                : Optional.empty();
        this.fingerprint = tls.map(TlsServerSockets::fingerprint);
        if (fingerprint.isPresent()) {
            // operators hand this to their users, who check it when their client first connects
            LOG.info("TLS certificate fingerprint {} (hex {})", fingerprint.get(), fingerprint.get().toHex());
        } else {
            LOG.warn("TLS is off: connections, including passwords at registration, travel in clear text");
        }
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 4096);
        InetSocketAddress bound = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        // the launcher and the tests wait for exactly this phrase
        LOG.info("listening on {}:{} ({})", bound.getAddress().getHostAddress(), bound.getPort(),
                config.tls() ? "TLS" : "plain TCP");
        this.acceptor = Thread.ofPlatform().name("confab-acceptor").daemon().start(new Acceptor(serverSocket, this::start));
    }

    private static Path dataDirectory(TransportConfig config, DataDirectory data) {
        return config.dataDirectory().isBlank() ? data.path() : Path.of(config.dataDirectory()).toAbsolutePath();
    }

    @Override
    public String protocol() {
        return "confab";
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    @Override
    public Optional<Fingerprint> tlsFingerprint() {
        return fingerprint;
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

    private void start(Socket tcp) {
        Socket socket;
        try {
            socket = tls.isPresent() ? tls.get().wrap(tcp) : tcp;
        } catch (IOException e) {
            LOG.debug("cannot set up TLS on a connection: {}", e.getMessage());
            Connection.closeQuietly(tcp);
            return;
        }
        InetAddress address = tcp.getInetAddress();
        Optional<String> refusal = limits.admit(address);
        if (refusal.isPresent()) {
            refuse(tcp, socket, refusal.get());
            return;
        }
        try {
            Connection connection = new Connection(ids.incrementAndGet(), tcp, socket, context);
            Thread.ofVirtual().name("confab-conn-" + connection.id()).start(() -> {
                try {
                    connection.run();
                } finally {
                    limits.release(address);
                }
            });
        } catch (RuntimeException | Error e) {
            limits.release(address); // the slot was taken for a connection that never ran
            throw e;
        }
    }

    private void refuse(Socket tcp, Socket socket, String reason) {
        LOG.debug("refusing a connection from {}: {}", tcp.getInetAddress(), reason);
        if (!refusals.tryAcquire()) {
            Connection.closeQuietly(tcp);
            return;
        }
        Connection.refuseBusy(tcp, socket, context.codec(), reason, refusals::release);
    }
}
