package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** How {@code request} and {@code ping} read their command line and print what the server said. */
class RequestCommandTest {
    private static final Map<String, String> ENV = Map.of("CONFAB_USER", "alice", "CONFAB_PASSWORD", "pw");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CommandContext.Connector connector, String... args) {
        return new CliApplication(Commands.standard(), connector, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV).run(List.of(args));
    }

    private int run(String... args) {
        return run(global -> {
            throw new ConfabConnectionException("cannot connect");
        }, args);
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void theBodyIsAJsonObjectGivenAsOneArgument() {
        assertEquals(JsonNodeFactory.instance.objectNode().put("sides", 6).put("label", "d6"),
                RequestCommand.body("{\"sides\":6,\"label\":\"d6\"}"));
        assertEquals(0, RequestCommand.body("  {}  ").size());
    }

    @Test
    void aBodyThatIsNoJsonObjectIsAUsageError() {
        for (String bad : List.of("", "{", "[1]", "\"text\"", "42", "{} {}", "{\"a\":1,}", "null")) {
            assertThrows(UsageException.class, () -> RequestCommand.body(bad), bad);
        }
        UsageException typeInBody = assertThrows(UsageException.class,
                () -> RequestCommand.body("{\"type\":\"chat.send\"}"));
        assertTrue(typeInBody.getMessage().contains("'type'"), typeInBody.getMessage());
        assertThrows(UsageException.class, () -> RequestCommand.body("{\"rid\":3}"));
    }

    @Test
    void theTypeMustBeAMessageTypeName() {
        assertEquals("x.dice.roll", RequestCommand.type("x.dice.roll"));
        for (String bad : List.of("X.Dice", "x..y", ".x", "x.", "x y", "x-y", "y".repeat(65))) {
            assertThrows(UsageException.class, () -> RequestCommand.type(bad), bad);
        }
    }

    @Test
    void theCommandLineIsCheckedBeforeConnecting() {
        // exit 3 (the unreachable server) means the command line was accepted and a connection tried
        assertEquals(ExitCodes.CANNOT_CONNECT, run("request", "presence.list"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("request", "x.dice.roll", "{\"sides\":6}", "--anonymous"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("--json", "request", "ping", "{}"));
        assertEquals(ExitCodes.USAGE, run("request"));
        assertEquals(ExitCodes.USAGE, run("request", "x.dice.roll", "{}", "extra"));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("request", "x.dice.roll", "{sides:6}"));
        assertTrue(firstErrorLine().startsWith("error: the request body is not valid JSON"), firstErrorLine());
    }

    @Test
    void anErrorAnswerPrintsTheServersCodeAsSentAndExitsWithOne() {
        int exit = run(global -> {
            throw new ConfabException(ErrorCode.INTERNAL, "DICE_TOO_FEW_SIDES", "a die needs two sides");
        }, "request", "x.dice.roll", "{\"sides\":1}");

        assertEquals(ExitCodes.SERVER_ERROR, exit);
        assertEquals("error: DICE_TOO_FEW_SIDES: a die needs two sides", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theAnswerIsIndentedForPeopleAndOneLineWithJson() {
        var answer = JsonNodeFactory.instance.objectNode().put("value", 4);
        answer.putArray("history").add(1).add(4);

        new Output(new PrintStream(out, true, StandardCharsets.UTF_8), true).json(answer);
        String oneLine = out.toString(StandardCharsets.UTF_8);
        out.reset();
        new Output(new PrintStream(out, true, StandardCharsets.UTF_8), false).json(answer);
        String pretty = out.toString(StandardCharsets.UTF_8);

        assertEquals("{\"value\":4,\"history\":[1,4]}" + System.lineSeparator(), oneLine);
        assertTrue(pretty.lines().count() > 2, pretty);
        assertTrue(pretty.contains("\"value\" : 4"), pretty);
    }

    @Test
    void pingDescribesCapabilitiesWithTheirVersions() {
        Map<String, String> capabilities = new LinkedHashMap<>();
        assertEquals("no capabilities", PingCommand.describe(capabilities));
        capabilities.put("chat.rich", "2.0.0");
        capabilities.put("x.dice", "");
        assertEquals("capabilities: chat.rich 2.0.0, x.dice", PingCommand.describe(capabilities));
    }
}
