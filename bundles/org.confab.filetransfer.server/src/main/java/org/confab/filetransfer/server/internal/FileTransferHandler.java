package org.confab.filetransfer.server.internal;

import java.time.format.DateTimeFormatter;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.FileTransferMessages;
import org.confab.protocol.messages.FileTransferMessages.FileRef;
import org.confab.protocol.messages.FileTransferMessages.Offer;
import org.confab.protocol.messages.FileTransferMessages.Offers;
import org.confab.protocol.messages.FileTransferMessages.StateChange;
import org.confab.protocol.messages.FileTransferMessages.Transfer;
import org.confab.protocol.messages.FileTransferMessages.Transfers;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AttachmentGrant;
import org.confab.server.api.AttachmentInfo;
import org.confab.server.api.AttachmentService;
import org.confab.server.api.AttachmentState;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.UserSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The file-transfer plugin's requests ({@code file.*}, capability {@code file}). An offer is an
 * ordinary message of kind {@code file} whose attachment the core shared with the recipient; this
 * plugin lists such shares and moves each recipient's state along, telling the sender's clients. It
 * uses only the public plugin API: the attachment service keeps the bytes, the grants and the states.
 */
@Component(property = { MessageHandler.CAPABILITY + "=" + FileTransferMessages.CAPABILITY,
        MessageHandler.TYPES + "=" + FileTransferMessages.OFFERS, MessageHandler.TYPES + "=" + FileTransferMessages.ACCEPT,
        MessageHandler.TYPES + "=" + FileTransferMessages.DECLINE, MessageHandler.TYPES + "=" + FileTransferMessages.DOWNLOADED,
        MessageHandler.TYPES + "=" + FileTransferMessages.SENT })
public class FileTransferHandler implements MessageHandler {
    private static final FrameCodec CODEC = new FrameCodec();

    private final AttachmentService attachments;
    private final UserSessions sessions;

    @Activate
    public FileTransferHandler(@Reference AttachmentService attachments, @Reference UserSessions sessions) {
        this.attachments = attachments;
        this.sessions = sessions;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        String user = session.username().orElseThrow();
        switch (frame.type()) {
        case FileTransferMessages.OFFERS -> reply(session, frame, new Offers(attachments.grantsTo(user).stream()
                .filter(g -> !g.state().isFinal()).map(FileTransferHandler::offer).toList()));
        case FileTransferMessages.SENT -> reply(session, frame, new Transfers(attachments.grantsFrom(user).stream()
                .map(FileTransferHandler::transfer).toList()));
        case FileTransferMessages.ACCEPT -> move(session, frame, user, AttachmentState.ACCEPTED);
        case FileTransferMessages.DECLINE -> move(session, frame, user, AttachmentState.DECLINED);
        default -> move(session, frame, user, AttachmentState.DOWNLOADED);
        }
    }

    private void move(ClientSession session, Frame frame, String user, AttachmentState state) throws ProtocolException {
        String id = CODEC.read(frame, FileRef.class).id();
        AttachmentGrant grant = attachments.setState(id, user, state).orElseThrow(
                () -> new ProtocolException(ErrorCode.NOT_FOUND, "no file '" + id + "' was offered to you"));
        session.send(Frame.of(MessageTypes.ok(frame.type()), frame.rid()));
        Frame push = CODEC.frame(FileTransferMessages.STATE, 0, new StateChange(id, user, grant.state().wireName()));
        sessions.push(grant.attachment().owner(), FileTransferMessages.CAPABILITY, push);
        // the recipient's other clients (a second device) learn it too; the asking one knows already
        for (ClientSession other : sessions.sessionsOf(user)) {
            if (other.id() != session.id() && other.clientCapabilities().contains(FileTransferMessages.CAPABILITY)
                    && !user.equals(grant.attachment().owner())) {
                other.send(push);
            }
        }
    }

    private static Offer offer(AttachmentGrant grant) {
        AttachmentInfo file = grant.attachment();
        return new Offer(file.id(), grant.messageId(), file.owner(), file.name(), file.size(), file.sha256(),
                file.mediaType().isEmpty() ? null : file.mediaType(), grant.state().wireName(),
                DateTimeFormatter.ISO_INSTANT.format(grant.offered()));
    }

    private static Transfer transfer(AttachmentGrant grant) {
        AttachmentInfo file = grant.attachment();
        return new Transfer(file.id(), grant.recipient(), file.name(), file.size(), grant.state().wireName());
    }

    private static void reply(ClientSession session, Frame request, Object body) {
        session.send(CODEC.frame(MessageTypes.ok(request.type()), request.rid(), body));
    }

}
