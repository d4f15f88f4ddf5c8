package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentParserTest {
    private final ArgumentParser parser = new ArgumentParser(Set.of("server", "user", "limit"), Set.of("json", "help"));

    @Test
    void optionsMayComeBeforeOrAfterTheCommand() {
        ParsedArguments parsed = parser.parse(List.of("--server", "h:1", "history", "bob", "--limit", "5", "--json"));

        assertEquals("history", parsed.command());
        assertEquals(List.of("bob"), parsed.operands());
        assertEquals(Map.of("server", "h:1", "limit", "5"), parsed.options());
        assertTrue(parsed.flag("json"));
    }

    @Test
    void acceptsNameEqualsValue() {
        ParsedArguments parsed = parser.parse(List.of("send", "--user=alice", "bob", "hi"));

        assertEquals("alice", parsed.option("user").orElseThrow());
        assertEquals(List.of("bob", "hi"), parsed.operands());
    }

    @Test
    void doubleDashEndsOptionsSoTextMayStartWithDashes() {
        ParsedArguments parsed = parser.parse(List.of("send", "bob", "--", "--json", "-x"));

        assertEquals(List.of("bob", "--json", "-x"), parsed.operands());
        assertTrue(parsed.flags().isEmpty());
    }

    @Test
    void emptyCommandLineHasNoCommand() {
        assertEquals("", parser.parse(List.of()).command());
        assertTrue(parser.parse(List.of("-h")).flag("help"));
    }

    @Test
    void rejectsUnknownRepeatedOrIncompleteOptions() {
        assertThrows(UsageException.class, () -> parser.parse(List.of("send", "--verbose")));
        assertThrows(UsageException.class, () -> parser.parse(List.of("-v")));
        assertThrows(UsageException.class, () -> parser.parse(List.of("--limit", "1", "--limit", "2")));
        assertThrows(UsageException.class, () -> parser.parse(List.of("history", "bob", "--limit")));
        assertThrows(UsageException.class, () -> parser.parse(List.of("--json=yes")));
    }

    @Test
    void refusesAPasswordArgumentAndSaysWhatToDoInstead() {
        UsageException error = assertThrows(UsageException.class,
                () -> parser.parse(List.of("send", "--password", "secret", "bob", "hi")));

        assertTrue(error.getMessage().contains("--password-file"), error.getMessage());
        assertTrue(error.getMessage().contains("CONFAB_PASSWORD"), error.getMessage());
    }
}
