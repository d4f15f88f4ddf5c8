package org.confab.server.accounts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.confab.protocol.Scram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret from which unknown usernames get their decoy salt. It lives in the data directory
 * ({@code DATA/scram-decoy.secret}, 0600) and is made once: a secret made per process gave every
 * unknown name a new salt after each restart, while a real account keeps its salt, which told the two
 * apart to anyone who asked before and after a restart.
 */
final class DecoySecret {
    static final String FILE = "scram-decoy.secret";
    private static final Logger LOG = LoggerFactory.getLogger(DecoySecret.class);
    private static final int BYTES = 32;

    private final byte[] secret;

    private DecoySecret(byte[] secret) {
        this.secret = secret;
    }

    /** The secret in {@code dataDirectory}, made (owner-only) when there is none or it is damaged. */
    static DecoySecret in(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (Files.isRegularFile(file)) {
            byte[] stored = Files.readAllBytes(file);
            if (stored.length == BYTES) {
                return new DecoySecret(stored);
            }
            LOG.warn("{} is damaged ({} bytes, not {}); making a new one", file, stored.length, BYTES);
        }
        byte[] made = Scram.randomBytes(BYTES);
        OwnerOnlyFiles.write(file, made);
        return new DecoySecret(made);
    }

    /** The decoy salt of {@code username}: the same for the same name, whatever the process. */
    byte[] salt(String username) {
        return Arrays.copyOf(Scram.hmac(secret, username), 16);
    }
}
