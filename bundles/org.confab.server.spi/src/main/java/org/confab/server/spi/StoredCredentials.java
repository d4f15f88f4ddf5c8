package org.confab.server.spi;

/** SCRAM-SHA-256 verifier of an account: everything needed to check a login, nothing that reveals the password. */
public record StoredCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
}
