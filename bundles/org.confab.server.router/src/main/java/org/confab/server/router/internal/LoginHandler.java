package org.confab.server.router.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.ClusterMessages.NodeAddress;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.server.api.Account;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.ScramChallenge;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.StoredCredentials;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCRAM-SHA-256 login in two requests. The server only checks HMACs against the stored verifier;
 * the PBKDF2 work is the client's. Unknown users get a challenge that looks real (salt derived from
 * the name with a secret kept in the data directory, the configured iteration count), so the answer
 * to auth.start does not reveal who exists, not even across restarts.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.AUTH_START,
        MessageHandler.TYPES + "=" + MessageTypes.AUTH_FINISH, MessageHandler.REQUIRES_LOGIN + ":Boolean=false" })
public class LoginHandler implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginHandler.class);
    private static final String PENDING = "core.auth.pending";

    /** {@code typedName} is the name as the client sent it: both sides sign that exact text. */
    private record PendingLogin(String username, String typedName, String clientNonce, String combinedNonce, byte[] salt, int iterations,
            Optional<StoredCredentials> credentials) {
    }

    private final AccountService accounts;
    private final PresenceBroadcaster presence;
    private final Deliveries deliveries;
    private final AbuseLimits limits;
    private final SessionRegistry registry;
    private final SessionEvents sessionEvents;
    private final Clock clock = Clock.systemUTC();
    private final ClusterLink cluster;

    @Activate
    public LoginHandler(@Reference AccountService accounts, @Reference PresenceBroadcaster presence,
            @Reference Deliveries deliveries, @Reference AbuseLimits limits, @Reference SessionRegistry registry,
            @Reference SessionEvents sessionEvents, @Reference ClusterLink cluster) {
        this.cluster = cluster;
        this.registry = registry;
        this.sessionEvents = sessionEvents;
        this.accounts = accounts;
        this.presence = presence;
        this.deliveries = deliveries;
        this.limits = limits;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        if (session.username().isPresent()) {
            throw new ProtocolException(ErrorCode.ALREADY_AUTHENTICATED, "this session is already logged in");
        }
        java.util.Optional<String> refusal = cluster.loginRefusal();
        if (refusal.isPresent()) {
            // a cluster node without its engine could not route this user's messages or presence
            throw new ProtocolException(ErrorCode.SERVER_BUSY, refusal.get());
        }
        if (MessageTypes.AUTH_START.equals(frame.type())) {
            start(session, frame);
        } else {
            finish(session, frame);
        }
    }

    private void start(ClientSession session, Frame frame) throws ProtocolException {
        AuthStart request = Replies.read(frame, AuthStart.class);
        if (!Scram.isValidClientNonce(request.clientNonce())) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field 'clientNonce' must be " + Scram.MIN_CLIENT_NONCE
                    + " to " + Scram.MAX_CLIENT_NONCE + " printable ASCII characters other than ','");
        }
        String username = accounts.canonical(request.username());
        limits.checkLogin(username, session);
        Optional<StoredCredentials> credentials = accounts.credentials(username);
        ScramChallenge challenge = credentials.map(c -> new ScramChallenge(c.salt(), c.iterations()))
                .orElseGet(() -> accounts.decoyChallenge(username));
        byte[] salt = challenge.salt();
        int iterations = challenge.iterations();
        String combinedNonce = request.clientNonce() + Scram.nonce();
        session.attributes().put(PENDING,
                new PendingLogin(username, request.username(), request.clientNonce(), combinedNonce, salt, iterations, credentials));
        Replies.ok(session, frame, new AuthChallenge(Scram.base64(salt), iterations, combinedNonce));
    }

    private boolean mayStillLogIn(String username) {
        return accounts.find(username).filter(a -> !a.locked() && !a.bannedAt(clock.instant())).isPresent();
    }

    private void finish(ClientSession session, Frame frame) throws ProtocolException {
        AuthFinish request = Replies.read(frame, AuthFinish.class);
        if (!(session.attributes().remove(PENDING) instanceof PendingLogin pending)) {
            // no challenge, or one already used: a wrong or repeated combined nonce (protocol section 8.1)
            throw new ProtocolException(ErrorCode.AUTH_FAILED, "wrong username or password");
        }
        String authMessage = Scram.authMessage(pending.typedName(), pending.clientNonce(), pending.salt(),
                pending.iterations(), pending.combinedNonce());
        byte[] proof = Scram.fromBase64("proof", request.proof());
        boolean valid = pending.combinedNonce().equals(request.nonce()) && pending.credentials().isPresent()
                && Scram.verifyProof(pending.credentials().get().storedKey(), authMessage, proof);
        limits.checkLogin(pending.username(), session);
        if (!valid) {
            LOG.info("failed login for '{}' from {}", LoggedNames.safe(pending.username()), session.remoteAddress());
            limits.loginFailed(pending.username(), session);
            throw new ProtocolException(ErrorCode.AUTH_FAILED, "wrong username or password");
        }
        Account account = accounts.find(pending.username())
                .orElseThrow(() -> new ProtocolException(ErrorCode.AUTH_FAILED, "wrong username or password"));
        if (account.locked()) {
            throw new ProtocolException(ErrorCode.ACCOUNT_LOCKED, "this account is locked; contact an administrator");
        }
        if (account.bannedAt(clock.instant())) {
            throw new ProtocolException(ErrorCode.ACCOUNT_BANNED, "this account is banned until "
                    + account.bannedUntil().orElseThrow().truncatedTo(ChronoUnit.SECONDS));
        }
        limits.loginSucceeded(account.username());
        limits.checkLoginRate(account.username());
        registry.bind(session, account.username(), account.admin());
        if (!mayStillLogIn(account.username())) {
            // an administrator locked, banned or deleted the account while this login was checked, and
            // closed the user's sessions before this one counted as logged in
            session.close("KICKED", "the account was locked, banned or deleted by an administrator");
            return;
        }
        LOG.info("login #{} user={} from {}", session.id(), account.username(), session.remoteAddress());
        byte[] signature = Scram.serverSignature(pending.credentials().get().serverKey(), authMessage);
        // counted online before the client hears it is logged in, so whatever it asks next (who is online,
        // an administrator's session list) already includes it; messages routed to it from now on are
        // left to the backlog pushPending starts below (Deliveries' SessionFeed), so they are never lost
        // and never overtake older pending ones
        presence.online(session);
        // on a cluster node: where the client can go should this node fail (its own list may name only this one)
        List<NodeAddress> nodes = cluster.others().servingNodes();
        Replies.ok(session, frame, new AuthOk(account.username(), account.displayName(), account.admin(),
                Scram.base64(signature), nodes.isEmpty() ? null : nodes));
        presence.loggedIn(session, account.displayName());
        deliveries.pushPending(session);
        sessionEvents.loggedIn(session);
    }
}
