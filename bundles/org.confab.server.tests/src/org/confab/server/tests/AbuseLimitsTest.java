package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Register;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits at their default values. The suite's own traffic comes from 127.0.0.1, which the
 * test configuration exempts; each test here connects from an address of its own (127.0.0.x).
 */
class AbuseLimitsTest extends ServerTestSupport {

    private static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) last });
    }

    /** A complete login with a wrong proof; returns the answer to auth.finish (or to auth.start when refused there). */
    private static Frame failedLogin(TestClient client, String username) throws Exception {
        Frame challenge = client.request(MessageTypes.AUTH_START, new AuthStart(username, Scram.nonce()));
        if (!challenge.type().equals("auth.start.ok")) {
            return challenge;
        }
        String nonce = client.body(challenge, AuthChallenge.class).nonce();
        return client.request(MessageTypes.AUTH_FINISH, new AuthFinish(nonce, Base64.getEncoder().encodeToString(new byte[32])));
    }

    private static ErrorBody rateLimited(TestClient client, Frame frame) throws Exception {
        assertEquals("RATE_LIMITED", errorCode(client, frame));
        ErrorBody error = client.body(frame, ErrorBody.class);
        assertNotNull(error.retryAfterSeconds(), "says when to retry: " + frame);
        assertTrue(error.retryAfterSeconds() > 0 && error.retryAfterSeconds() <= 3600, frame.toString());
        return error;
    }

    @Test
    void anAccountIsLockedOutAfterFiveFailedLoginsEvenForTheRightPasswordAndFromElsewhere() throws Exception {
        String victim = register("victim");
        try (TestClient attacker = TestClient.connected(server(), loopback(21))) {
            for (int i = 1; i <= 5; i++) {
                assertEquals("AUTH_FAILED", errorCode(attacker, failedLogin(attacker, victim)), "attempt " + i);
            }
            rateLimited(attacker, failedLogin(attacker, victim));
        }
        try (TestClient owner = TestClient.connected(server(), loopback(22))) {
            rateLimited(owner, owner.request(MessageTypes.AUTH_START, new AuthStart(victim, Scram.nonce())));
        }
    }

    @Test
    void unknownNamesAreLockedOutExactlyLikeRealOnes() throws Exception {
        try (TestClient prober = TestClient.connected(server(), loopback(23))) {
            String nobody = uniqueName("nobody");
            for (int i = 1; i <= 5; i++) {
                assertEquals("AUTH_FAILED", errorCode(prober, failedLogin(prober, nobody)));
            }
            rateLimited(prober, failedLogin(prober, nobody));
        }
    }

    @Test
    void anAddressIsLockedOutAfterTwentyFailuresAcrossAccounts() throws Exception {
        String innocent = register("innocent");
        try (TestClient sprayer = TestClient.connected(server(), loopback(24))) {
            for (int i = 1; i <= 20; i++) {
                assertEquals("AUTH_FAILED", errorCode(sprayer, failedLogin(sprayer, uniqueName("spray"))), "attempt " + i);
            }
            Frame refused = sprayer.request(MessageTypes.AUTH_START, new AuthStart(innocent, Scram.nonce()));
            rateLimited(sprayer, refused);
        }
        try (TestClient elsewhere = TestClient.connected(server(), loopback(25))) {
            assertEquals("auth.finish.ok", elsewhere.login(innocent, PASSWORD).type(), "other addresses are unaffected");
        }
    }

    @Test
    void registrationIsLimitedPerAddress() throws Exception {
        try (TestClient client = TestClient.connected(server(), loopback(26))) {
            for (int i = 1; i <= 5; i++) {
                Frame ok = client.request(MessageTypes.REGISTER, new Register(uniqueName("reg"), PASSWORD, null));
                assertEquals("account.register.ok", ok.type(), ok.toString());
            }
            rateLimited(client, client.request(MessageTypes.REGISTER, new Register(uniqueName("reg"), PASSWORD, null)));
        }
    }

    /**
     * Hardening round 2: refused registrations (a weak password, a taken name) used to count, so five
     * tries that the server itself turned down locked the address out of registering for an hour.
     * Only accounts actually created count now.
     */
    @Test
    void refusedRegistrationsDoNotUseUpTheAddressBudget() throws Exception {
        try (TestClient client = TestClient.connected(server(), loopback(41))) {
            for (int i = 1; i <= 8; i++) {
                Frame weak = client.request(MessageTypes.REGISTER, new Register(uniqueName("weak"), "short", null));
                assertEquals("WEAK_PASSWORD", errorCode(client, weak), "try " + i);
            }
            for (int i = 1; i <= 5; i++) {
                Frame ok = client.request(MessageTypes.REGISTER, new Register(uniqueName("reg"), PASSWORD, null));
                assertEquals("account.register.ok", ok.type(), ok.toString());
            }
            rateLimited(client, client.request(MessageTypes.REGISTER, new Register(uniqueName("reg"), PASSWORD, null)));
        }
    }

    @Test
    void aFloodOfRequestsIsAnsweredWithRateLimitedNeverDropped() throws Exception {
        try (TestClient flooder = TestClient.connected(server(), loopback(27))) {
            List<Long> rids = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                rids.add(flooder.sendRequest("flood.request", Map.of()));
            }
            int limited = 0;
            for (long rid : rids) {
                Frame answer = flooder.response(rid);
                String code = errorCode(flooder, answer);
                if (code.equals("RATE_LIMITED")) {
                    rateLimited(flooder, answer);
                    limited++;
                } else {
                    assertEquals("NOT_AUTHENTICATED", code, "an unknown type before login (protocol section 6.2)");
                }
            }
            assertTrue(limited >= 300, "a burst of 1000 at 500/s: most of the other 500 are refused, were " + limited);
        }
    }

    @Test
    void connectionsPerAddressAreLimitedWithoutAffectingOtherAddresses() throws Exception {
        List<TestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                open.add(TestClient.connected(server(), loopback(28)));
            }
            try (TestClient extra = new TestClient(server(), loopback(28))) {
                ErrorBody busy = extra.body(extra.await(MessageTypes.ERROR), ErrorBody.class);
                assertEquals("SERVER_BUSY", busy.code());
                assertTrue(busy.message().contains("your address"), busy.message());
                assertTrue(extra.closedWithin(5000));
            }
            try (TestClient other = TestClient.connected(server(), loopback(29))) {
                assertEquals("ping.ok", other.request(MessageTypes.PING).type());
            }
        } finally {
            for (TestClient client : open) {
                client.close();
            }
        }
    }
}
