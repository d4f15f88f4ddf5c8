package org.confab.server.attachments.internal;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.Chunk;
import org.confab.protocol.messages.AttachmentMessages.Info;
import org.confab.protocol.messages.AttachmentMessages.Read;
import org.confab.protocol.messages.AttachmentMessages.ReadOk;
import org.confab.protocol.messages.AttachmentMessages.Ref;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.server.api.AttachmentInfo;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.spi.StoredAttachment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code attach.begin}, {@code attach.chunk}, {@code attach.info}, {@code attach.read} and
 * {@code attach.delete} (docs/protocol.md section 18). Runs on the connection's thread, so a client's
 * pipelined chunks are written in the order they came; chunk and read bytes are binary frame data.
 */
@Component(property = { MessageHandler.RATE_CLASS + "=bulk", MessageHandler.CAPABILITY + "=" + AttachmentMessages.CAPABILITY,
        MessageHandler.TYPES + "=" + AttachmentMessages.BEGIN, MessageHandler.TYPES + "=" + AttachmentMessages.CHUNK,
        MessageHandler.TYPES + "=" + AttachmentMessages.INFO, MessageHandler.TYPES + "=" + AttachmentMessages.READ,
        MessageHandler.TYPES + "=" + AttachmentMessages.DELETE })
public class AttachHandler implements MessageHandler {
    static final FrameCodec CODEC = new FrameCodec();
    private static final Logger LOG = LoggerFactory.getLogger(AttachHandler.class);
    private static final int BINARY_VERSION = 2;

    private final DefaultAttachmentService service;

    @Activate
    public AttachHandler(@Reference DefaultAttachmentService service) {
        this.service = service;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        String user = session.username().orElseThrow();
        try {
            switch (frame.type()) {
            case AttachmentMessages.BEGIN -> ok(session, frame,
                    service.transfers().begin(user, CODEC.read(frame, Begin.class)));
            case AttachmentMessages.CHUNK -> chunk(session, frame, user);
            case AttachmentMessages.INFO -> ok(session, frame, info(CODEC.read(frame, Ref.class).id(), user));
            case AttachmentMessages.READ -> read(session, frame, user);
            default -> delete(session, frame, user);
            }
        } catch (OffsetConflict e) {
            Frame error = CODEC.frame(MessageTypes.ERROR, frame.rid(), new ErrorBody(e.code().name(), e.getMessage()));
            error.body().put("offset", e.expected());
            session.send(error);
        } catch (IOException e) {
            LOG.error("attachment storage failed for {} of {}", frame.type(), user, e);
            throw new ProtocolException(ErrorCode.STORAGE_UNAVAILABLE,
                    "the server could not read or write the file right now; please retry", e);
        }
    }

    private void chunk(ClientSession session, Frame frame, String user) throws ProtocolException, IOException {
        Chunk chunk = CODEC.read(frame, Chunk.class);
        if (!frame.hasData()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "attach.chunk: the bytes travel as the data of a binary frame");
        }
        ok(session, frame, service.transfers().chunk(user, chunk.id(), chunk.offset(), frame.data()));
    }

    private Info info(String id, String user) throws ProtocolException {
        AttachmentInfo info = service.info(id, user).orElseThrow(() -> Transfers.notFound(id));
        return new Info(info.id(), info.name(), info.size(), info.sha256(), info.mediaType().isEmpty() ? null : info.mediaType(),
                info.owner(), info.storedBytes(), info.complete(), DateTimeFormatter.ISO_INSTANT.format(info.created()));
    }

    private void read(ClientSession session, Frame frame, String user) throws ProtocolException, IOException {
        Read read = CODEC.read(frame, Read.class);
        if (session.protocolVersion() < BINARY_VERSION) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "attach.read answers with a binary frame: protocol version 2 only");
        }
        StoredAttachment attachment = service.readable(read.id(), user).filter(StoredAttachment::complete)
                .orElseThrow(() -> Transfers.notFound(read.id()));
        byte[] data = service.transfers().read(attachment, read.offset(), read.length() == null ? Long.MAX_VALUE : read.length());
        session.send(CODEC.frame(MessageTypes.ok(frame.type()), frame.rid(), new ReadOk(read.id(), read.offset())).withData(data));
    }

    private void delete(ClientSession session, Frame frame, String user) throws ProtocolException {
        String id = CODEC.read(frame, Ref.class).id();
        StoredAttachment attachment = service.store().find(id).filter(a -> a.owner().equals(user))
                .orElseThrow(() -> Transfers.notFound(id));
        service.delete(attachment.id());
        session.send(Frame.of(MessageTypes.ok(frame.type()), frame.rid()));
    }

    private static void ok(ClientSession session, Frame request, Object body) {
        session.send(CODEC.frame(MessageTypes.ok(request.type()), request.rid(), body));
    }
}
