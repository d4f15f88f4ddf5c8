package org.confab.client.core;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

import org.confab.protocol.Frame;

/**
 * How a {@link ConfabClient} connects and behaves. Start from {@link #of(String, int)} (one server) or
 * {@link #of(List)} (the nodes of a cluster) and adjust with the {@code with...} methods; every component
 * is required (none may be null) except {@code localAddress}.
 *
 * @param servers the server's address, or the addresses of a cluster's nodes, in the order to try them
 *        (at most {@value ServerAddress#MAX_LIST}); a host name that resolves to several addresses counts
 *        as one address per record. A connection goes to the first that answers; after a lost connection
 *        the client reconnects to the next one. See {@link ConfabClient}.
 * @param clientName sent in {@code hello}, for example {@code "confab-cli/0.1"}
 * @param connectTimeout how long to wait for the TCP connection and the {@code hello.ok}
 * @param requestTimeout how long a request may wait for its answer before it fails with a
 *        {@link java.util.concurrent.TimeoutException}; an unanswered {@code chat.send} instead makes the
 *        client drop the connection, reconnect and send it again
 * @param reconnectMinDelay backoff before the first reconnect attempt (randomised down to half)
 * @param reconnectMaxDelay the backoff doubles per failed attempt up to this
 * @param maxQueuedSends how many sent-but-unacknowledged messages the client keeps for resending;
 *        further sends fail immediately
 * @param autoAck whether received messages are acknowledged automatically once every listener has
 *        seen them; turn off to acknowledge with {@link ConfabClient#ack} yourself
 * @param threadFactory makes the socket reader, timer and short-lived I/O threads
 * @param listenerExecutor runs {@link ClientListener} calls (a UI passes its display's async executor);
 *        the client serialises the calls itself. Must not run tasks inline on the calling thread.
 * @param trust how the server's TLS certificate is checked, or {@link ServerTrust#plain()} for no TLS;
 *        by default servers known in {@link KnownServers#userDefault()}
 * @param localAddress the address of this machine that connections come from (bound with an
 *        ephemeral port before connecting), or null to let the system choose, the default. A load
 *        generator spreads its connections over several source addresses this way: each has its own
 *        range of ephemeral ports, and a server counts its per-address limits per source.
 * @param capabilities what this client has installed, sent in {@code hello} so the server knows (for
 *        example the namespaces of client plugins, {@code "x.dice"}); at most {@value #MAX_CAPABILITIES}
 *        names, each formed like a message type. Empty by default.
 */
public record ClientOptions(List<ServerAddress> servers, String clientName, Duration connectTimeout,
        Duration requestTimeout, Duration reconnectMinDelay, Duration reconnectMaxDelay, int maxQueuedSends,
        boolean autoAck, ThreadFactory threadFactory, Executor listenerExecutor, ServerTrust trust,
        InetAddress localAddress, List<String> capabilities) {

    /** The most capabilities a {@code hello} may list (docs/protocol.md, section 11.1). */
    public static final int MAX_CAPABILITIES = 64;

    public ClientOptions {
        capabilities = checkCapabilities(capabilities);
        Objects.requireNonNull(trust, "trust");
        servers = checkServers(servers);
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(threadFactory, "threadFactory");
        Objects.requireNonNull(listenerExecutor, "listenerExecutor");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("reconnectMinDelay", reconnectMinDelay);
        requirePositive("reconnectMaxDelay", reconnectMaxDelay);
        if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must not be shorter than reconnectMinDelay");
        }
        if (maxQueuedSends < 1) {
            throw new IllegalArgumentException("maxQueuedSends must be positive");
        }
        if (localAddress != null && localAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("localAddress must be a unicast address of this machine, was multicast "
                    + localAddress.getHostAddress());
        }
    }

    /** The options for one server, as before clients knew several. */
    public ClientOptions(String host, int port, String clientName, Duration connectTimeout, Duration requestTimeout,
            Duration reconnectMinDelay, Duration reconnectMaxDelay, int maxQueuedSends, boolean autoAck,
            ThreadFactory threadFactory, Executor listenerExecutor, ServerTrust trust, InetAddress localAddress,
            List<String> capabilities) {
        this(List.of(new ServerAddress(host, port)), clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, localAddress,
                capabilities);
    }

    /** The options without capabilities, as before the client announced any. */
    public ClientOptions(String host, int port, String clientName, Duration connectTimeout, Duration requestTimeout,
            Duration reconnectMinDelay, Duration reconnectMaxDelay, int maxQueuedSends, boolean autoAck,
            ThreadFactory threadFactory, Executor listenerExecutor, ServerTrust trust, InetAddress localAddress) {
        this(host, port, clientName, connectTimeout, requestTimeout, reconnectMinDelay, reconnectMaxDelay,
                maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, localAddress, List.of());
    }

    /** The options without a local address: the system chooses where connections come from. */
    public ClientOptions(String host, int port, String clientName, Duration connectTimeout, Duration requestTimeout,
            Duration reconnectMinDelay, Duration reconnectMaxDelay, int maxQueuedSends, boolean autoAck,
            ThreadFactory threadFactory, Executor listenerExecutor, ServerTrust trust) {
        this(host, port, clientName, connectTimeout, requestTimeout, reconnectMinDelay, reconnectMaxDelay,
                maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, null);
    }

    /** The options without a trust policy, as before TLS existed: trusts servers known in {@code ~/.confab/known_servers}. */
    public ClientOptions(String host, int port, String clientName, Duration connectTimeout, Duration requestTimeout,
            Duration reconnectMinDelay, Duration reconnectMaxDelay, int maxQueuedSends, boolean autoAck,
            ThreadFactory threadFactory, Executor listenerExecutor) {
        this(host, port, clientName, connectTimeout, requestTimeout, reconnectMinDelay, reconnectMaxDelay,
                maxQueuedSends, autoAck, threadFactory, listenerExecutor, ServerTrust.knownServers(KnownServers.userDefault()));
    }

    /**
     * Defaults: 10 s connect timeout, 15 s request timeout, reconnect backoff 1 s to 60 s, up to 1000
     * unacknowledged sends, automatic acknowledgement, virtual threads for I/O and listeners, TLS
     * trusting only the servers known in {@code ~/.confab/known_servers}.
     */
    public static ClientOptions of(String host, int port) {
        return of(List.of(new ServerAddress(host, port)));
    }

    /**
     * The defaults of {@link #of(String, int)} for several servers, the nodes of a cluster, tried in this
     * order.
     */
    public static ClientOptions of(List<ServerAddress> servers) {
        ThreadFactory virtual = Thread.ofVirtual().name("confab-client-", 0).factory();
        Executor listeners = task -> Thread.ofVirtual().name("confab-listener").start(task);
        return new ClientOptions(servers, "confab-client/0.1", Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 1000, true, virtual, listeners,
                ServerTrust.knownServers(KnownServers.userDefault()), null, List.of());
    }

    public ClientOptions withClientName(String name) {
        return new ClientOptions(servers, name, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust,
                localAddress, capabilities);
    }

    public ClientOptions withTimeouts(Duration connect, Duration request) {
        return new ClientOptions(servers, clientName, connect, request, reconnectMinDelay, reconnectMaxDelay,
                maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, localAddress, capabilities);
    }

    public ClientOptions withReconnectDelays(Duration min, Duration max) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, min, max, maxQueuedSends,
                autoAck, threadFactory, listenerExecutor, trust, localAddress, capabilities);
    }

    public ClientOptions withMaxQueuedSends(int max) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, max, autoAck, threadFactory, listenerExecutor, trust, localAddress, capabilities);
    }

    public ClientOptions withAutoAck(boolean enabled) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, enabled, threadFactory, listenerExecutor, trust,
                localAddress, capabilities);
    }

    public ClientOptions withThreadFactory(ThreadFactory factory) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, factory, listenerExecutor, trust,
                localAddress, capabilities);
    }

    public ClientOptions withListenerExecutor(Executor executor) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, executor, trust, localAddress, capabilities);
    }

    /** The same options with another way of trusting (or not encrypting) the server. */
    public ClientOptions withTrust(ServerTrust serverTrust) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor,
                serverTrust, localAddress, capabilities);
    }

    /**
     * The same options with connections coming from {@code address} (an address of this machine, for
     * example {@code 127.0.0.2}), or with the system's choice again for null.
     *
     * @throws IllegalArgumentException for a multicast address
     */
    public ClientOptions withLocalAddress(InetAddress address) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust,
                address, capabilities);
    }

    /**
     * The same options announcing {@code names} in {@code hello} (replacing any given before).
     *
     * @throws IllegalArgumentException for more than {@value #MAX_CAPABILITIES} names or a name that is
     *         not formed like a message type ({@code x.dice})
     */
    public ClientOptions withCapabilities(List<String> names) {
        return new ClientOptions(servers, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, localAddress,
                names);
    }

    /** The same options with other servers, tried in this order (see {@link #servers()}). */
    public ClientOptions withServers(List<ServerAddress> addresses) {
        return new ClientOptions(addresses, clientName, connectTimeout, requestTimeout, reconnectMinDelay,
                reconnectMaxDelay, maxQueuedSends, autoAck, threadFactory, listenerExecutor, trust, localAddress,
                capabilities);
    }

    /** The first server's host. */
    public String host() {
        return servers.get(0).host();
    }

    /** The first server's port. */
    public int port() {
        return servers.get(0).port();
    }

    /**
     * The servers as {@code host:port,host:port}; for one server its {@code host:port}. Used in messages
     * and as the key of cached credentials.
     */
    public String serverAddress() {
        return ServerAddress.format(servers);
    }

    private static List<ServerAddress> checkServers(List<ServerAddress> addresses) {
        Objects.requireNonNull(addresses, "servers");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one server address is needed");
        }
        if (addresses.size() > ServerAddress.MAX_LIST) {
            throw new IllegalArgumentException("at most " + ServerAddress.MAX_LIST + " server addresses, got "
                    + addresses.size());
        }
        return List.copyOf(new LinkedHashSet<>(addresses));
    }

    private static List<String> checkCapabilities(List<String> names) {
        Objects.requireNonNull(names, "capabilities");
        if (names.size() > MAX_CAPABILITIES) {
            throw new IllegalArgumentException("at most " + MAX_CAPABILITIES + " capabilities, got " + names.size());
        }
        for (String name : names) {
            if (!Frame.isValidType(name)) {
                throw new IllegalArgumentException("capability must be formed like a message type (x.dice): " + name);
            }
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
