package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link ClientOptions#localAddress()}: where the client's connections come from. Linux routes all of
 * 127.0.0.0/8 to the loopback interface, so 127.0.0.2 is a source address of this machine without any
 * set-up.
 */
class LocalAddressTest {

    private static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) last });
    }

    private static ClientOptions options(int port) {
        return ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** The address the server sees a connection from, for a client with these options. */
    private static InetAddress acceptedFrom(ServerSocket server, ClientOptions options) throws Exception {
        try (ConfabClient client = new ConfabClient(options)) {
            // the handshake cannot finish (nobody answers hello); only the accepted socket matters
            client.connect();
            try (Socket accepted = server.accept()) {
                return accepted.getInetAddress();
            }
        }
    }

    @Test
    void connectionsComeFromTheChosenLocalAddress() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(loopback(1), 0));
            server.setSoTimeout(5000);
            ClientOptions options = options(server.getLocalPort());

            assertEquals(loopback(2), acceptedFrom(server, options.withLocalAddress(loopback(2))));
            assertEquals(loopback(3), acceptedFrom(server, options.withLocalAddress(loopback(3))));
            assertEquals(loopback(1), acceptedFrom(server, options), "without one the system chooses");
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesFailsTheConnectAndIsNamed() throws Exception {
        Path nonLocalBind = Path.of("/proc/sys/net/ipv4/ip_nonlocal_bind");
        assumeFalse(Files.isReadable(nonLocalBind) && Files.readString(nonLocalBind).strip().equals("1"),
                "this machine lets sockets bind to addresses it does not have");
        // 192.0.2.1 (TEST-NET-1, documentation only): binding fails locally, nothing is sent anywhere
        InetAddress foreign = InetAddress.getByAddress(new byte[] { (byte) 192, 0, 2, 1 });
        try (ServerSocket server = new ServerSocket(0, 1, loopback(1));
                ConfabClient client = new ConfabClient(options(server.getLocalPort()).withLocalAddress(foreign))) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.connect().get(5, TimeUnit.SECONDS));
            assertInstanceOf(ConfabConnectionException.class, failure.getCause());
            assertTrue(failure.getCause().getMessage().contains("192.0.2.1"), failure.getCause().getMessage());
        }
    }

    @Test
    void theLocalAddressIsOptionalKeptByTheOtherWithersAndUnicast() throws Exception {
        ClientOptions plain = ClientOptions.of("127.0.0.1", 7777);
        assertNull(plain.localAddress());
        ClientOptions bound = plain.withLocalAddress(loopback(2));
        assertEquals(loopback(2), bound.withClientName("x").withTrust(ServerTrust.plain()).withAutoAck(false)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).localAddress());
        assertNull(bound.withLocalAddress(null).localAddress());
        // the constructor from before local addresses still compiles and means "system's choice"
        ClientOptions old = new ClientOptions("h", 1, "c", Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, true, Thread.ofVirtual().factory(), Runnable::run,
                ServerTrust.plain());
        assertNull(old.localAddress());

        IllegalArgumentException multicast = assertThrows(IllegalArgumentException.class,
                () -> plain.withLocalAddress(InetAddress.getByName("224.0.0.1")));
        assertTrue(multicast.getMessage().contains("224.0.0.1"), multicast.getMessage());
    }
}
