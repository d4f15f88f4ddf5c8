package org.confab.server.spi;

/**
 * The salt and iteration count an {@code auth.start} answer carries.
 *
 * @param salt the SCRAM salt
 * @param iterations the PBKDF2 iteration count
 */
public record ScramChallenge(byte[] salt, int iterations) {
}
