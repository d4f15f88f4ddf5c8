package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.server.spi.DataDirectory;
import org.junit.jupiter.api.Test;

/**
 * An unknown username's challenge cannot be told from a real one: it has the iteration count the
 * server gives new accounts (the suite runs with --scram-iterations 4096; before, decoys always said
 * 100,000), and its salt comes from a secret kept in the data directory (0600), so it is the same
 * after a restart, as a real account's salt is (before, the secret was made anew by every process).
 */
class DecoyChallengeTest extends ServerTestSupport {

    @Test
    void unknownNamesGetTheConfiguredIterationsAndASaltFromThePersistedSecret() throws Exception {
        String real = register("real");
        String unknown = uniqueName("ghost");
        try (TestClient client = TestClient.connected(server())) {
            AuthChallenge realChallenge = client.body(client.request(MessageTypes.AUTH_START, new AuthStart(real, Scram.nonce())),
                    AuthChallenge.class);
            AuthChallenge decoy = client.body(client.request(MessageTypes.AUTH_START, new AuthStart(unknown, Scram.nonce())),
                    AuthChallenge.class);
            assertEquals(4096, realChallenge.iterations(), "the suite's --scram-iterations");
            assertEquals(realChallenge.iterations(), decoy.iterations(), "a decoy has the iterations of a new account");
            assertEquals(realChallenge.salt().length(), decoy.salt().length());

            Path secret = Services.await(DataDirectory.class, 30_000).path().resolve("scram-decoy.secret");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            byte[] expected = Arrays.copyOf(Scram.hmac(Files.readAllBytes(secret), unknown), 16);
            assertArrayEquals(expected, Base64.getDecoder().decode(decoy.salt()),
                    "the salt comes from the secret on disk, which the next start reads again");
        }
    }
}
