package org.confab.server.router.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChangePassword;
import org.confab.server.api.AdminActor;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.AccountUpdate;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.LastAdministratorException;
import org.confab.server.spi.NewAuditEntry;
import org.confab.server.spi.StoredCredentials;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code account.passwd}: a logged-in user changes their own password. The current password is checked
 * against the stored SCRAM verifier exactly as a login would check it, and a wrong one counts as a
 * failed login, so this request cannot be used to guess passwords faster than logging in. The change is
 * audited like an administrator's reset; the user's other sessions stay logged in.
 */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.CHANGE_PASSWORD })
public class PasswordHandler implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHandler.class);

    private final AccountService accounts;
    private final AccountStore store;
    private final AuditLog audit;
    private final AbuseLimits limits;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PasswordHandler(@Reference AccountService accounts, @Reference AccountStore store,
            @Reference AuditLog audit, @Reference AbuseLimits limits) {
        this.accounts = accounts;
        this.store = store;
        this.audit = audit;
        this.limits = limits;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        ChangePassword request = Replies.read(frame, ChangePassword.class);
        String username = session.username().orElseThrow();
        limits.checkLogin(username, session);
        Optional<StoredCredentials> stored = accounts.credentials(username);
        if (stored.isEmpty() || !matches(stored.get(), request.password())) {
            LOG.info("password change for '{}' from {} refused: wrong current password", username,
                    session.remoteAddress());
            limits.loginFailed(username, session);
            throw new ProtocolException(ErrorCode.AUTH_FAILED, "the current password is wrong");
        }
        if (request.password().equals(request.newPassword())) {
            throw new ProtocolException(ErrorCode.WEAK_PASSWORD, "the new password must differ from the current one");
        }
        StoredCredentials next = accounts.deriveCredentials(username, request.newPassword());
        try {
            store.update(username, AccountUpdate.none().withCredentials(next))
                    .orElseThrow(() -> new ProtocolException(ErrorCode.AUTH_FAILED, "the account no longer exists"));
        } catch (LastAdministratorException e) {
            // a new verifier never changes who is an active administrator
            throw new IllegalStateException(e);
        }
        limits.loginSucceeded(username);
        String address = AdminActor.format(session.remoteAddress());
        LOG.info("audit: {} from {}: user.passwd {}: password changed by the user", username, address, username);
        try {
            audit.append(new NewAuditEntry(clock.instant(), username, "user.passwd", Optional.of(username), address,
                    "password changed by the user"));
        } catch (StorageException e) {
            LOG.error("could not store the audit entry for {}'s password change", username, e);
        }
        Replies.ok(session, frame);
    }

    /** The login's own check: the verifier the password gives must be the stored one (constant time). */
    private static boolean matches(StoredCredentials stored, String password) {
        byte[] salted = Scram.saltedPassword(password, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(Scram.sha256(Scram.hmac(salted, "Client Key")), stored.storedKey());
    }
}
