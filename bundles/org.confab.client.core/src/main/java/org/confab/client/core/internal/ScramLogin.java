package org.confab.client.core.internal;

import java.security.MessageDigest;
import java.util.Locale;
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

    /**
     * Logs in on {@code connection}. The user name is sent in lower case, as the protocol recommends.
     * When the server misbehaves (altered nonce, absurd iteration count, wrong signature) the
     * connection is closed, because the server may consider us logged in, and the login fails with
     * {@link ErrorCode#AUTH_FAILED}.
     */
    CompletableFuture<AuthOk> login(Connection connection, Credentials credentials) {
        String username = credentials.username().toLowerCase(Locale.ROOT);
        String clientNonce = Scram.nonce();
        return connection
                .request(MessageTypes.AUTH_START, new AuthStart(username, clientNonce), AuthChallenge.class)
                .thenApplyAsync(challenge -> prove(username, credentials.password(), clientNonce, challenge), cpu)
                .thenCompose(proof -> connection.request(MessageTypes.AUTH_FINISH, proof.finish(), AuthOk.class)
                        .thenApply(ok -> verified(ok, proof)))
                .whenComplete((ok, error) -> {
                    if (Failures.unwrap(error) instanceof ServerMisbehaved misbehaved) {
                        connection.close("login aborted: " + misbehaved.getMessage());
                    }
                });
    }

    /** A login answer that shows the server is broken or not who it claims to be. */
    private static final class ServerMisbehaved extends ConfabException {
        private static final long serialVersionUID = 1L;

        ServerMisbehaved(String message) {
            super(ErrorCode.AUTH_FAILED, message);
        }
    }

    private Proof prove(String username, String password, String clientNonce, AuthChallenge challenge) {
        if (challenge.nonce() == null || !challenge.nonce().startsWith(clientNonce)
                || challenge.nonce().length() <= clientNonce.length()) {
            throw new ServerMisbehaved("server did not extend the login nonce as required");
        }
        if (challenge.iterations() < Scram.MIN_ITERATIONS || challenge.iterations() > Scram.MAX_ITERATIONS) {
            throw new ServerMisbehaved("server asked for " + challenge.iterations()
                    + " PBKDF2 iterations; accepted are " + Scram.MIN_ITERATIONS + " to " + Scram.MAX_ITERATIONS);
        }
        byte[] salt = decode("salt", challenge.salt());
        byte[] salted = cache.get(server, username, password, salt, challenge.iterations(),
                () -> Scram.saltedPassword(password, salt, challenge.iterations()));
        String authMessage = Scram.authMessage(username, clientNonce, salt, challenge.iterations(),
                challenge.nonce());
        String proof = Scram.base64(Scram.clientProof(salted, authMessage));
        return new Proof(salted, authMessage, new AuthFinish(challenge.nonce(), proof));
    }

    private static AuthOk verified(AuthOk ok, Proof proof) {
        byte[] expected = Scram.serverSignature(Scram.serverKey(proof.saltedPassword()), proof.authMessage());
        byte[] received = ok.serverSignature() == null ? new byte[0] : decode("serverSignature", ok.serverSignature());
        if (!MessageDigest.isEqual(expected, received)) {
            throw new ServerMisbehaved("the server could not prove it knows this account's key; it may be an impostor");
        }
        return ok;
    }

    private static byte[] decode(String field, String base64) {
        if (base64 == null) {
            throw new ServerMisbehaved("server omitted '" + field + "'");
        }
        try {
            return Scram.fromBase64(field, base64);
        } catch (ProtocolException e) {
            throw new ServerMisbehaved("server sent " + e.getMessage());
        }
    }
}
