package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;

/** Conformance: accounts (section 7) and the SCRAM-SHA-256 login (section 8). */
class ConformanceLoginTest extends ConformanceSupport {

    @Statement
    void section7_usernamesFollowTheRules(int version) throws Exception {
        String name = uniqueName("rules");
        try (TestClient client = TestClient.connected(server(), version)) {
            Frame created = client.request(MessageTypes.REGISTER, new Register("  " + name.toUpperCase(Locale.ROOT) + " ", PASSWORD, null));
            assertEquals(name, client.body(created, Registered.class).username(), "trimmed and lower case");
            assertEquals("USERNAME_TAKEN", errorCode(client, client.request(MessageTypes.REGISTER, new Register(name, PASSWORD, null))));
            for (String invalid : List.of("ab", "1abc" + name, "a".repeat(33), "al ice", "console", "alice!")) {
                assertEquals("INVALID_USERNAME", errorCode(client,
                        client.request(MessageTypes.REGISTER, new Register(invalid, PASSWORD, null))), invalid);
            }
        }
    }

    @Statement
    void section7_aPasswordMustNotContainTheUsername(int version) throws Exception {
        String name = uniqueName("pw");
        try (TestClient client = TestClient.connected(server(), version)) {
            for (String weak : List.of("Seven77", "abababababab", "my " + name.toUpperCase(Locale.ROOT) + " 2024", name + "!")) {
                assertEquals("WEAK_PASSWORD", errorCode(client,
                        client.request(MessageTypes.REGISTER, new Register(name, weak, null))), weak);
            }
            assertEquals("account.register.ok", client.request(MessageTypes.REGISTER, new Register(name, "abcd1234", null)).type());
        }
    }

    @Statement
    void section8_1_aLoginAnswersWithTheCanonicalUsername(int version) throws Exception {
        String name = register("scram");
        try (TestClient client = TestClient.connected(server(), version)) {
            // typed in upper case: both sides sign the name as typed (TestClient checks serverSignature)
            Frame ok = client.login(name.toUpperCase(Locale.ROOT), PASSWORD);
            assertEquals("auth.finish.ok", ok.type(), ok.toString());
            assertEquals(name, client.body(ok, AuthOk.class).username());
        }
    }

    @Statement
    void section8_1_aWrongOrRepeatedCombinedNonceIsAuthFailed(int version) throws Exception {
        String name = register("nonce");
        try (TestClient client = TestClient.connected(server(), version)) {
            AuthFinish unasked = new AuthFinish(Scram.nonce() + Scram.nonce(), Scram.base64(new byte[32]));
            assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.AUTH_FINISH, unasked)),
                    "auth.finish without auth.start");
            String clientNonce = Scram.nonce();
            AuthChallenge challenge = start(client, name, clientNonce);
            AuthFinish wrongPassword = new AuthFinish(challenge.nonce(), proof(name, "not the password", clientNonce, challenge));
            assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.AUTH_FINISH, wrongPassword)));
            AuthFinish repeated = new AuthFinish(challenge.nonce(), proof(name, PASSWORD, clientNonce, challenge));
            assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.AUTH_FINISH, repeated)),
                    "a challenge is good for one auth.finish, even with the right password");
            challenge = start(client, name, clientNonce);
            AuthFinish wrongNonce = new AuthFinish(challenge.nonce() + "x", proof(name, PASSWORD, clientNonce, challenge));
            assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.AUTH_FINISH, wrongNonce)));
            assertEquals("auth.finish.ok", client.login(name, PASSWORD).type(), "and then a proper login works");
        }
    }

    @Statement
    void section8_1_aClientNonceIsPrintableAsciiWithoutCommaAndLongEnough(int version) throws Exception {
        String name = register("cnonce");
        try (TestClient client = TestClient.connected(server(), version)) {
            for (String bad : List.of("short", "abcdefghijklmnopqrstu", "abcdefghijkl,mnopqrstuvwx", "abcdefghijkl mnopqrstuvwx",
                    "abcdefghijklé" + "mnopqrstuvwx", "x".repeat(129))) {
                Frame answer = client.request(MessageTypes.AUTH_START, Map.of("username", name, "clientNonce", bad));
                assertEquals("BAD_REQUEST", errorCode(client, answer), bad);
            }
            for (String good : List.of("abcdefghijklmnopqrstuv", "fyko+d2lbbFgONRv9qkxdawL", "!~" + Scram.nonce(), "x".repeat(128))) {
                assertEquals("auth.start.ok", client.request(MessageTypes.AUTH_START, Map.of("username", name, "clientNonce", good)).type(), good);
            }
        }
    }

    @Statement
    void section8_1_authStartOnALoggedInSessionIsAlreadyAuthenticated(int version) throws Exception {
        String name = register("twice");
        try (TestClient client = loggedIn(name, version)) {
            assertEquals("ALREADY_AUTHENTICATED", errorCode(client,
                    client.request(MessageTypes.AUTH_START, new AuthStart(name, Scram.nonce()))));
        }
    }

    @Statement
    void section8_3_anUnknownUserGetsAPlausibleChallengeAndAuthFailed(int version) throws Exception {
        String stranger = uniqueName("ghost");
        try (TestClient client = TestClient.connected(server(), version)) {
            String clientNonce = Scram.nonce();
            AuthChallenge first = start(client, stranger, clientNonce);
            AuthChallenge second = start(client, stranger, clientNonce);
            assertEquals(first.salt(), second.salt(), "repeated attempts see the same salt");
            assertEquals(first.iterations(), second.iterations());
            assertNotEquals(first.nonce(), second.nonce(), "a fresh server nonce each time");
            assertEquals(16, Base64.getDecoder().decode(first.salt()).length);
            AuthFinish finish = new AuthFinish(second.nonce(), proof(stranger, PASSWORD, clientNonce, second));
            assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.AUTH_FINISH, finish)));
        }
    }

    private static AuthChallenge start(TestClient client, String name, String clientNonce) throws Exception {
        Frame challenge = client.request(MessageTypes.AUTH_START, new AuthStart(name, clientNonce));
        assertEquals("auth.start.ok", challenge.type(), challenge.toString());
        return client.body(challenge, AuthChallenge.class);
    }

    private static String proof(String name, String password, String clientNonce, AuthChallenge challenge) {
        byte[] salt = Base64.getDecoder().decode(challenge.salt());
        byte[] salted = Scram.saltedPassword(password, salt, challenge.iterations());
        String authMessage = Scram.authMessage(name, clientNonce, salt, challenge.iterations(), challenge.nonce());
        return Scram.base64(Scram.clientProof(salted, authMessage));
    }
}
