package org.confab.server.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AccountPage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.DeletionOutcome;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code admin.users}, {@code admin.user.add}, {@code admin.user.update}, {@code admin.user.delete}. */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + MessageTypes.ADMIN_USERS,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_USER_ADD, MessageHandler.TYPES + "=" + MessageTypes.ADMIN_USER_UPDATE,
        MessageHandler.TYPES + "=" + MessageTypes.ADMIN_USER_DELETE })
public class AdminUsersHandler implements MessageHandler {

    private final AdminService admin;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AdminUsersHandler(@Reference AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        admin.authorize(actor); // before the body is even read: non-administrators learn nothing
        Instant now = clock.instant();
        switch (frame.type()) {
        case MessageTypes.ADMIN_USERS -> {
            UserQuery query = Replies.read(frame, UserQuery.class);
            int offset = query.offset() == null ? 0 : query.offset();
            AccountPage page = admin.users(actor, query.query(), Wire.order(query), offset, query.limit());
            Replies.ok(session, frame, new UserPage(page.accounts().stream().map(a -> Wire.user(a, now)).toList(),
                    page.total(), (long) offset + page.accounts().size() < page.total()));
        }
        case MessageTypes.ADMIN_USER_ADD -> {
            AddUser add = Replies.read(frame, AddUser.class);
            Replies.ok(session, frame, Wire.user(admin.addUser(actor, add.username(), add.password(), add.displayName(),
                    Boolean.TRUE.equals(add.admin())), now));
        }
        case MessageTypes.ADMIN_USER_UPDATE -> {
            UpdateUser update = Replies.read(frame, UpdateUser.class);
            AccountChanges changes = new AccountChanges(Optional.ofNullable(update.displayName()),
                    Optional.ofNullable(update.password()), Optional.ofNullable(update.admin()),
                    Optional.ofNullable(update.locked()), Boolean.TRUE.equals(update.clearBan()));
            Replies.ok(session, frame, Wire.user(admin.updateUser(actor, update.username(), changes), now));
        }
        default -> {
            DeleteUser delete = Replies.read(frame, DeleteUser.class);
            DeletionOutcome outcome = admin.deleteUser(actor, delete.username());
            Replies.ok(session, frame, new UserDeleted(outcome.username(), outcome.discardedMessages()));
        }
        }
    }
}
