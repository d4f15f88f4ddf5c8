package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.confab.protocol.Fingerprint;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Register;
import org.confab.server.api.ServerEndpoint;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Shared set-up: the running server's address and fresh users (the MySQL database outlives test runs). */
abstract class ServerTestSupport {
    static final String PASSWORD = "correct horse battery";

    static InetSocketAddress server() throws InterruptedException {
        ServerEndpoint endpoint = Services.await(ServerEndpoint.class, 60_000);
        return new InetSocketAddress("127.0.0.1", endpoint.address().getPort());
    }

    /** The fingerprint of the certificate the running server presents. */
    static Fingerprint fingerprint() throws InterruptedException {
        return Services.await(ServerEndpoint.class, 60_000).tlsFingerprint()
                .orElseThrow(() -> new AssertionError("the server runs without TLS, but TLS is on by default"));
    }

    /** A username no earlier run has used. */
    static String uniqueName(String prefix) {
        return (prefix + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)).toLowerCase(Locale.ROOT);
    }

    static String register(String prefix) throws Exception {
        String name = uniqueName(prefix);
        try (TestClient client = TestClient.connected(server())) {
            Frame response = client.request(MessageTypes.REGISTER, new Register(name, PASSWORD, "User " + name));
            assertEquals("account.register.ok", response.type(), response.toString());
        }
        return name;
    }

    static TestClient loggedIn(String username) throws Exception {
        return loggedIn(username, Protocol.VERSION);
    }

    /** Logged in over a connection that speaks protocol {@code version}. */
    static TestClient loggedIn(String username, int version) throws Exception {
        TestClient client = TestClient.connected(server(), null, version);
        Frame response = client.login(username, PASSWORD);
        assertEquals("auth.finish.ok", response.type(), response.toString());
        return client;
    }

    static String errorCode(TestClient client, Frame frame) throws Exception {
        assertEquals("error", frame.type(), "expected an error but got " + frame);
        return client.body(frame, ErrorBody.class).code();
    }

    static String clientId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Sets {@code changes} in the configuration {@code pid}, keeping its other keys; returns the
     * configuration as it was, for {@link #restore}. The component takes the change over asynchronously.
     */
    static Dictionary<String, Object> reconfigure(String pid, Map<String, Object> changes) throws Exception {
        Configuration configuration = Services.await(ConfigurationAdmin.class, 30_000).getConfiguration(pid, null);
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        if (original != null) {
            for (Enumeration<String> keys = original.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                changed.put(key, original.get(key));
            }
        }
        changes.forEach(changed::put);
        configuration.update(changed);
        return original == null ? new Hashtable<>() : original;
    }

    static void restore(String pid, Dictionary<String, Object> original) throws Exception {
        Services.await(ConfigurationAdmin.class, 30_000).getConfiguration(pid, null).update(original);
    }
}
