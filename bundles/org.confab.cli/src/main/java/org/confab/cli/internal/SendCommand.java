package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confab.client.core.OutgoingMessage;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatSent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code send PEER TEXT...}: logs in, sends, and waits until the server has stored the message. With
 * {@code --kind}, {@code --meta} and {@code --attach} it sends a rich message (protocol version 2),
 * whose text may then be empty, for scripting and for trying a plugin's kind.
 */
final class SendCommand implements Command {
    @Override
    public String name() {
        return "send";
    }

    @Override
    public String synopsis() {
        return "PEER TEXT... [--kind KIND] [--meta JSON] [--attach ID:NAME:SIZE[:MEDIA-TYPE]]";
    }

    @Override
    public String description() {
        return "send a message; prints its id once the server stored it";
    }

    @Override
    public Set<String> options() {
        return Set.of("kind", "meta", "attach");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        String kind = context.option("kind").orElse(MessageKinds.TEXT);
        boolean textRequired = MessageKinds.TEXT.equals(kind);
        List<String> operands = context.operands(textRequired ? 2 : 1, Integer.MAX_VALUE,
                textRequired ? "a peer and the message text" : "a peer (and optionally a text)");
        String text = String.join(" ", operands.subList(1, operands.size()));
        OutgoingMessage message;
        try {
            message = OutgoingMessage.of(kind, text, meta(context), context.option("attach").map(SendCommand::attachment)
                    .map(List::of).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (CliSession session = context.connect()) {
            session.login();
            ChatSent sent;
            try {
                sent = session.await(session.client().send(operands.get(0), message));
            } catch (IllegalArgumentException e) {
                throw new UsageException("the message breaks the protocol's limits: " + e.getMessage());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", sent.messageId());
            fields.put("sentAt", java.time.Instant.ofEpochMilli(sent.timestamp()).toString());
            fields.put("duplicate", sent.duplicate());
            context.output().item(Long.toString(sent.messageId()), fields);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode meta(CommandContext context) {
        if (context.option("meta").isEmpty()) {
            return null;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(context.option("meta").get());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new UsageException("--meta expects a JSON object such as {\"sides\":6}");
    }

    /** {@code ID:NAME:SIZE[:MEDIA-TYPE]}; the name may not contain ':'. */
    private static Attachment attachment(String spec) {
        String[] parts = spec.split(":", 4);
        if (parts.length < 3) {
            throw new UsageException("--attach expects ID:NAME:SIZE[:MEDIA-TYPE], got '" + spec + "'");
        }
        long size = OptionValues.inRange("--attach size", parts[2], 0, Long.MAX_VALUE);
        return new Attachment(parts[0], parts[1], size, parts.length == 4 ? parts[3] : null);
    }
}
