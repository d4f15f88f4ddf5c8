package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.SessionRegistry;
import org.junit.jupiter.api.Test;

/**
 * The idle monitor meets an Error on every sweep (a session whose every answer is an Error) and still
 * times out the real connections, and the server still accepts: before, the first Error cancelled the
 * monitor's schedule for good. (The accept loop, the commit threads and the journal checkpoint are
 * proven with injected Errors in AcceptorTest, GroupCommitterFailureTest and SupervisedTest.)
 */
class ThreadsSurviveErrorsTest extends ServerTestSupport {

    @Test
    void theIdleMonitorOutlivesAnErrorAndStillTimesConnectionsOut() throws Exception {
        SessionRegistry registry = Services.await(SessionRegistry.class, 30_000);
        ClientSession broken = brokenSession();
        registry.opened(broken);
        try {
            try (TestClient silent = TestClient.connected(server())) {
                // the tests' login and idle timeouts are 6 s; the monitor has met the Error several times by then
                SessionClosed closed = silent.body(silent.await(MessageTypes.SESSION_CLOSED, 20_000), SessionClosed.class);
                assertTrue(closed.code().equals("LOGIN_TIMEOUT") || closed.code().equals("IDLE_TIMEOUT"), closed.code());
                assertTrue(silent.closedWithin(10_000));
            }
            try (TestClient next = TestClient.connected(server())) {
                assertEquals("ping.ok", next.request(MessageTypes.PING).type(), "the server still accepts");
            }
        } finally {
            registry.closed(broken);
        }
    }

    /** A session that answers its id and an Error to anything else the monitor asks. */
    private static ClientSession brokenSession() {
        long id = Long.MIN_VALUE + 7;
        ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();
        return (ClientSession) Proxy.newProxyInstance(ThreadsSurviveErrorsTest.class.getClassLoader(),
                new Class<?>[] { ClientSession.class }, (self, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> self == args[0];
                    case "toString" -> "a broken session of the test";
                    case "username", "clientName", "loggedInAt" -> Optional.empty();
                    case "remoteAddress" -> new InetSocketAddress("127.0.0.1", 1);
                    case "attributes" -> attributes;
                    case "isOpen" -> true;
                    default -> throw new StackOverflowError("injected by the test: " + method.getName());
                });
    }
}
