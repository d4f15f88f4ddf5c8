package org.confab.examples.dice.server.internal;

import java.security.SecureRandom;
import java.util.List;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.server.api.AccountDirectory;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageContent;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.MessageService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code x.dice.roll {"peer":"bob","sides":20}}: the server rolls (so no client can fake a roll) and
 * stores the result as a message of kind {@code x.dice} from the roller to the peer, which the core
 * pushes to both users' sessions (an offline peer gets it at login). Answers
 * {@code x.dice.roll.ok {"messageId":...,"value":...,"sides":...}} once the message is durable.
 */
@Component(property = { MessageHandler.TYPES + "=" + RollHandler.ROLL, MessageHandler.CAPABILITY + "=" + RollHandler.KIND,
        MessageHandler.RATE_CLASS + "=chat" })
public class RollHandler implements MessageHandler {
    static final String ROLL = "x.dice.roll";
    static final String KIND = "x.dice";
    static final int DEFAULT_SIDES = 6;
    static final int MAX_SIDES = 100;

    private final MessageService messages;
    private final AccountDirectory accounts;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public RollHandler(@Reference MessageService messages, @Reference AccountDirectory accounts) {
        this.messages = messages;
        this.accounts = accounts;
    }

    @Override
    public void handle(ClientSession session, Frame frame) throws ProtocolException {
        String roller = session.username().orElseThrow();
        if (!frame.body().path("peer").isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, ROLL + ": field 'peer' (a user name) is required");
        }
        String peer = accounts.canonical(frame.body().path("peer").asText());
        if (peer.isEmpty() || peer.length() > 64 || accounts.find(peer).isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_SUCH_USER, ROLL + ": there is no user '" + peer + "'");
        }
        int sides = sides(frame);
        int value = 1 + random.nextInt(sides);
        String meta = JsonNodeFactory.instance.objectNode().put("sides", sides).put("value", value).toString();
        messages.post(roller, peer, new MessageContent(KIND, "rolled " + value + " of " + sides, meta, List.of()))
                .whenComplete((stored, failure) -> {
                    if (failure != null) {
                        session.sendError(frame.rid(), ErrorCode.STORAGE_UNAVAILABLE, ROLL + ": the roll was not stored; roll again");
                    } else {
                        session.send(new Frame(frame.okType(), frame.rid(), JsonNodeFactory.instance.objectNode()
                                .put("messageId", stored.id()).put("value", value).put("sides", sides)));
                    }
                });
    }

    private static int sides(Frame frame) throws ProtocolException {
        if (frame.body().path("sides").isMissingNode() || frame.body().path("sides").isNull()) {
            return DEFAULT_SIDES;
        }
        if (!frame.body().path("sides").canConvertToExactIntegral() || frame.body().path("sides").asInt() < 2
                || frame.body().path("sides").asInt() > MAX_SIDES || !frame.body().path("sides").isNumber()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, ROLL + ": field 'sides' must be a whole number from 2 to " + MAX_SIDES);
        }
        return frame.body().path("sides").asInt();
    }
}
