package org.confab.server.router.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.server.api.Account;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code account.register}: self-registration under the server's account rules and policy. */
@Component(property = { MessageHandler.TYPES + "=" + MessageTypes.REGISTER, MessageHandler.REQUIRES_LOGIN + ":Boolean=false" })
public class RegisterHandler implements MessageHandler {

    private final AccountService accounts;
    private final AbuseLimits limits;
    private final PresenceBroadcaster presence;

    @Activate
    public RegisterHandler(@Reference AccountService accounts, @Reference AbuseLimits limits,
            @Reference PresenceBroadcaster presence) {
        this.accounts = accounts;
        this.limits = limits;
        this.presence = presence;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        Register request = Replies.read(frame, Register.class);
        limits.registrationAttempt(session);
        Account account = accounts.register(request.username(), request.password(), request.displayName());
        limits.registered(session);
        Replies.ok(session, frame, new Registered(account.username(), account.displayName()));
        presence.accountCreated(account.username(), account.displayName());
    }
}
