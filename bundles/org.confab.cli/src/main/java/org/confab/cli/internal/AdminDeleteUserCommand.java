package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;

/** {@code admin delete-user NAME}: deletes an account for good; its name stays taken. */
final class AdminDeleteUserCommand extends AdminCommand<DeleteUser> {
    AdminDeleteUserCommand() {
        super("delete-user");
    }

    @Override
    public String synopsis() {
        return "NAME";
    }

    @Override
    public String description() {
        return "delete an account for good (its undelivered messages are discarded)";
    }

    @Override
    DeleteUser request(CommandContext context) {
        return new DeleteUser(context.operands(1, 1, "the account's name").get(0));
    }

    @Override
    void send(DeleteUser request, CliSession session, Output output) throws Exception {
        UserDeleted deleted = session.await(session.client().admin().deleteUser(request.username()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", deleted.username());
        fields.put("discardedMessages", deleted.discardedMessages());
        output.item("deleted " + deleted.username() + "; "
                + AdminFields.count(deleted.discardedMessages(), "undelivered message") + " discarded", fields);
    }
}
