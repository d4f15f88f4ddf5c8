package org.confab.cli.internal;

import java.util.List;
import java.util.Set;

import org.confab.protocol.Frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code request TYPE [JSON]}: sends one request of any type through the client library's generic door
 * and prints the answer's fields, for scripts and plugin authors. Logs in first unless
 * {@code --anonymous}; an {@code error} answer becomes {@code error: CODE: message} and exit code 1.
 */
final class RequestCommand implements Command {
    static final String ANONYMOUS = "anonymous";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return "request";
    }

    @Override
    public String synopsis() {
        return "TYPE [JSON]";
    }

    @Override
    public String description() {
        return "send a request of any type (a plugin's too) with the JSON object's fields and print the answer;"
                + " --anonymous sends it without logging in";
    }

    @Override
    public Set<String> flags() {
        return Set.of(ANONYMOUS);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> operands = context.operands(1, 2, "a message type and optionally a JSON object");
        String type = type(operands.get(0));
        ObjectNode body = body(operands.size() > 1 ? operands.get(1) : "{}");
        try (CliSession session = context.connect()) {
            if (!context.flag(ANONYMOUS)) {
                session.login();
            }
            context.output().json(session.await(session.client().request(type, body)));
        }
        return ExitCodes.OK;
    }

    static String type(String text) {
        if (!Frame.isValidType(text)) {
            throw new UsageException("'" + text + "' is not a message type (lowercase words joined by dots, like"
                    + " presence.list or x.dice.roll)");
        }
        return text;
    }

    /** The request's fields: a JSON object, without the {@code type} and {@code rid} the client sets. */
    static ObjectNode body(String json) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UsageException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new UsageException("the request body must be a JSON object, like '{\"sides\":6}'");
        }
        if (object.has("type") || object.has("rid")) {
            throw new UsageException("the request body must not hold 'type' or 'rid': give the type as TYPE");
        }
        return object;
    }
}
