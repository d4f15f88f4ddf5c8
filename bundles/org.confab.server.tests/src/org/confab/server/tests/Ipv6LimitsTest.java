package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Map;
import java.util.function.Predicate;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Register;
import org.confab.server.api.ServerEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The per-address limits over IPv6, on the real server listening on {@code ::}: a client on
 * {@code ::1} is counted under its /64 ({@code ::/64}; the grouping itself is unit-tested in
 * AddressGroupTest) and gets the registration limit like an IPv4 client, while the suite's exempt
 * 127.0.0.1 does not cover it.
 */
class Ipv6LimitsTest extends ServerTestSupport {
    private static final String TRANSPORT = "org.confab.server.transport";

    @Test
    void theRegistrationLimitHoldsForAnIpv6Client() throws Exception {
        Dictionary<String, Object> original = reconfigure(TRANSPORT, Map.of("bindAddress", "::"));
        try {
            int port = awaitEndpoint(address -> address instanceof Inet6Address && address.isAnyLocalAddress()).getPort();
            InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("::1"), port);
            int created = 0;
            Frame refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                try (TestClient client = new TestClient(server)) {
                    client.hello(org.confab.protocol.Protocol.VERSION);
                    Frame answer = client.request(MessageTypes.REGISTER, new Register(uniqueName("six"), PASSWORD, "IPv6 user"));
                    if (answer.type().equals("account.register.ok")) {
                        created++;
                    } else {
                        refused = answer;
                        assertEquals("RATE_LIMITED", errorCode(client, answer), answer.toString());
                    }
                }
            }
            assertEquals(5, created, "five accounts from ::/64, then the limit");
            assertTrue(refused != null);
        } finally {
            restore(TRANSPORT, original);
            awaitEndpoint(address -> !(address instanceof Inet6Address));
        }
    }

    /** The transport restarts with its new configuration: waits for the endpoint that listens where wanted. */
    private static InetSocketAddress awaitEndpoint(Predicate<InetAddress> listening) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            InetSocketAddress address = Services.await(ServerEndpoint.class, 30_000).address();
            if (listening.test(address.getAddress())) {
                return address;
            }
            assertTrue(System.currentTimeMillis() < deadline, "the transport still listens on " + address);
            Thread.sleep(50);
        }
    }
}
