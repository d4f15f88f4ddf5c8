package org.confab.server.attachments.internal;

import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.FileQuery;
import org.confab.protocol.messages.AttachmentMessages.Ref;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code admin.files} and {@code admin.file.delete}: administrators list and delete stored files. */
@Component(property = { MessageHandler.RATE_CLASS + "=admin", MessageHandler.TYPES + "=" + AttachmentMessages.ADMIN_FILES,
        MessageHandler.TYPES + "=" + AttachmentMessages.ADMIN_FILE_DELETE })
public class AdminFilesHandler implements MessageHandler {

    private final FileAdministration files;
    private final AdminService admin;

    @Activate
    public AdminFilesHandler(@Reference FileAdministration files, @Reference AdminService admin) {
        this.files = files;
        this.admin = admin;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        AdminActor actor = AdminActor.of(session);
        admin.authorize(actor); // before the body is read: non-administrators learn nothing
        if (AttachmentMessages.ADMIN_FILES.equals(frame.type())) {
            FileQuery query = AttachHandler.CODEC.read(frame, FileQuery.class);
            session.send(AttachHandler.CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(),
                    files.files(actor, Optional.ofNullable(query.owner()), query.offset() == null ? 0 : query.offset(),
                            query.limit() == null ? FileAdministration.DEFAULT_PAGE : query.limit())));
        } else {
            files.delete(actor, AttachHandler.CODEC.read(frame, Ref.class).id());
            session.send(Frame.of(MessageTypes.ok(frame.type()), frame.rid()));
        }
    }
}
