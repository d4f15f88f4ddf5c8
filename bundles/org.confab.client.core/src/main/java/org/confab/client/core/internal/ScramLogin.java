package org.confab.client.core.internal;

import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;

/**
 * The client side of the SCRAM-SHA-256 login: {@code auth.start}, proof, {@code auth.finish}, and the
 * check that the server's signature proves it holds our key. The challenge is checked before any work
 * is done for it, so a hostile server cannot substitute our nonce or demand endless iterations.
 */
final class ScramLogin {
    /** What the second step needs from the first. */
    private record Proof(byte[] saltedPassword, String authMessage, AuthFinish finish) {
    }

    private final String server;
    private final SaltedPasswordCache cache;
    private final Executor cpu;

    /** @param cpu runs the PBKDF2 computation, which must not block the socket reader thread */
    ScramLogin(String server, SaltedPasswordCache cache, Executor cpu) {
        this.server = server;
        this.cache = cache;
        this.cpu = cpu;
    }

    CompletableFuture<AuthOk> login(Connection connection, Credentials credentials) {
        String clientNonce = Scram.nonce();
        return connection
                .request(MessageTypes.AUTH_START, new AuthStart(credentials.username(), clientNonce),
                        AuthChallenge.class)
                .thenApplyAsync(challenge -> prove(credentials, clientNonce, challenge), cpu)
                .thenCompose(proof -> connection.request(MessageTypes.AUTH_FINISH, proof.finish(), AuthOk.class)
                        .thenApply(ok -> verified(ok, proof)));
    }

    private Proof prove(Credentials credentials, String clientNonce, AuthChallenge challenge) {
        if (challenge.nonce() == null || !challenge.nonce().startsWith(clientNonce)) {
            throw new ConfabException(ErrorCode.AUTH_FAILED, "server altered the login nonce");
        }
        if (challenge.iterations() < Scram.MIN_ITERATIONS || challenge.iterations() > Scram.MAX_ITERATIONS) {
            throw new ConfabException(ErrorCode.AUTH_FAILED, "server asked for " + challenge.iterations()
                    + " PBKDF2 iterations; accepted are " + Scram.MIN_ITERATIONS + " to " + Scram.MAX_ITERATIONS);
        }
        byte[] salt = decode("salt", challenge.salt());
        byte[] salted = cache.get(server, credentials.username(), credentials.password(), salt,
                challenge.iterations(),
                () -> Scram.saltedPassword(credentials.password(), salt, challenge.iterations()));
        String authMessage = Scram.authMessage(credentials.username(), clientNonce, salt, challenge.iterations(),
                challenge.nonce());
        String proof = Scram.base64(Scram.clientProof(salted, authMessage));
        return new Proof(salted, authMessage, new AuthFinish(challenge.nonce(), proof));
    }

    private static AuthOk verified(AuthOk ok, Proof proof) {
        byte[] expected = Scram.serverSignature(Scram.serverKey(proof.saltedPassword()), proof.authMessage());
        byte[] received = ok.serverSignature() == null ? new byte[0] : decode("serverSignature", ok.serverSignature());
        if (!MessageDigest.isEqual(expected, received)) {
            throw new ConfabException(ErrorCode.AUTH_FAILED,
                    "the server could not prove it knows this account's key; it may be an impostor");
        }
        return ok;
    }

    private static byte[] decode(String field, String base64) {
        if (base64 == null) {
            throw new ConfabException(ErrorCode.BAD_REQUEST, "server omitted '" + field + "'");
        }
        try {
            return Scram.fromBase64(field, base64);
        } catch (ProtocolException e) {
            throw new ConfabException(e.code(), "server sent " + e.getMessage());
        }
    }
}
