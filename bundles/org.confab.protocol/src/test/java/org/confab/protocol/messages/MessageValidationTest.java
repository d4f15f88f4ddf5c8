package org.confab.protocol.messages;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Records read from frames enforce the protocol's limits; every violation is a BAD_REQUEST whose
 * message names the frame type and the offending field.
 */
class MessageValidationTest {

    private static final FrameCodec CODEC = new FrameCodec();

    private static <T> T read(String json, Class<T> type) throws ProtocolException {
        return CODEC.read(CODEC.decode(utf8(json)), type);
    }

    /** Asserts a BAD_REQUEST that mentions the frame type and {@code field}; returns the message. */
    private static String rejected(String json, Class<?> type, String field) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_REQUEST, () -> read(json, type));
        assertFalse(e.isFatal());
        String message = e.getMessage();
        assertTrue(message.contains("'" + field + "'"), "field '" + field + "' not named in: " + message);
        String frameType = json.replaceAll(".*\"type\":\"([a-z.]+)\".*", "$1");
        assertTrue(message.startsWith(frameType + ": "), "frame type not named in: " + message);
        return message;
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    // --- missing required fields

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"hello\"}                                                  | Hello          | version",
        "{\"type\":\"account.register\",\"password\":\"secret123\"}            | Register       | username",
        "{\"type\":\"account.register\",\"username\":\"alice\"}                | Register       | password",
        "{\"type\":\"auth.start\",\"clientNonce\":\"abc\"}                     | AuthStart      | username",
        "{\"type\":\"auth.start\",\"username\":\"alice\"}                      | AuthStart      | clientNonce",
        "{\"type\":\"auth.finish\",\"proof\":\"AAAA\"}                         | AuthFinish     | nonce",
        "{\"type\":\"auth.finish\",\"nonce\":\"abc\"}                          | AuthFinish     | proof",
        "{\"type\":\"chat.send\",\"clientMessageId\":\"c1\",\"text\":\"hi\"}   | ChatSend       | to",
        "{\"type\":\"chat.send\",\"to\":\"bob\",\"text\":\"hi\"}               | ChatSend       | clientMessageId",
        "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c1\"}    | ChatSend       | text",
        "{\"type\":\"chat.send\",\"to\":null,\"clientMessageId\":\"c\",\"text\":\"x\"} | ChatSend | to",
        "{\"type\":\"chat.history\",\"limit\":10}                              | HistoryRequest | peer",
        "{\"type\":\"chat.history\",\"peer\":\"bob\"}                          | HistoryRequest | limit",
        "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":null}           | HistoryRequest | limit",
        "{\"type\":\"chat.search\",\"limit\":10}                               | SearchRequest  | query",
        "{\"type\":\"chat.search\",\"query\":\"x\"}                            | SearchRequest  | limit",
        "{\"type\":\"chat.send.ok\",\"timestamp\":1,\"duplicate\":false}       | ChatSent       | messageId",
    })
    void missingRequiredFieldIsNamed(String json, String record, String field) throws ClassNotFoundException {
        String message = rejected(json, recordClass(record), field);
        assertTrue(message.contains("required"), message);
    }

    private static Class<?> recordClass(String simpleName) throws ClassNotFoundException {
        return Class.forName(Messages.class.getName() + "$" + simpleName);
    }

    // --- lengths and ranges

    @Test
    void textIsLimitedTo8000Utf16CodeUnits() throws ProtocolException {
        assertEquals(8000, Protocol.MAX_TEXT_LENGTH);
        String longest = "x".repeat(Protocol.MAX_TEXT_LENGTH);
        assertEquals(longest, read(chatSend(longest), ChatSend.class).text());
        rejected(chatSend(longest + "x"), ChatSend.class, "text");

        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 code units
        assertEquals(4000, read(chatSend(emoji.repeat(4000)), ChatSend.class).text().codePointCount(0, 8000));
        rejected(chatSend(emoji.repeat(4000) + "x"), ChatSend.class, "text");
    }

    private static String chatSend(String text) {
        return "{\"type\":\"chat.send\",\"rid\":1,\"to\":\"bob\",\"clientMessageId\":\"c1\",\"text\":" + quoted(text) + "}";
    }

    @Test
    void emptyTextIsRejectedButWhitespaceIsAMessage() throws ProtocolException {
        assertTrue(rejected(chatSend(""), ChatSend.class, "text").contains("empty"));
        assertEquals(" ", read(chatSend(" "), ChatSend.class).text());
    }

    @Test
    void clientMessageIdIsLimitedTo64Characters() throws ProtocolException {
        String id = "i".repeat(Protocol.MAX_CLIENT_MESSAGE_ID_LENGTH);
        String json = "{\"type\":\"chat.send\",\"to\":\"bob\",\"text\":\"x\",\"clientMessageId\":";
        assertEquals(id, read(json + quoted(id) + "}", ChatSend.class).clientMessageId());
        rejected(json + quoted(id + "i") + "}", ChatSend.class, "clientMessageId");
        rejected(json + "\"  \"}", ChatSend.class, "clientMessageId");
    }

    @Test
    void namesAreLimitedTo64CharactersAndMustNotBeBlank() throws ProtocolException {
        String name = "n".repeat(64);
        assertEquals(name, read("{\"type\":\"chat.history\",\"peer\":" + quoted(name) + ",\"limit\":1}",
                HistoryRequest.class).peer());
        rejected("{\"type\":\"chat.history\",\"peer\":" + quoted(name + "n") + ",\"limit\":1}", HistoryRequest.class,
                "peer");
        rejected("{\"type\":\"chat.send\",\"to\":\" \",\"clientMessageId\":\"c\",\"text\":\"x\"}", ChatSend.class, "to");
        rejected("{\"type\":\"account.register\",\"username\":" + quoted(name + "n") + ",\"password\":\"p\"}",
                Register.class, "username");
        rejected("{\"type\":\"account.register\",\"username\":\"alice\",\"password\":\"p\",\"displayName\":"
                + quoted(name + "n") + "}", Register.class, "displayName");
        rejected("{\"type\":\"auth.start\",\"username\":\"\",\"clientNonce\":\"n\"}", AuthStart.class, "username");
        rejected("{\"type\":\"account.register\",\"username\":\"alice\",\"password\":" + quoted("p".repeat(1025))
                + "}", Register.class, "password");
    }

    @Test
    void authFieldsHaveBoundedLengths() throws ProtocolException {
        assertEquals("n".repeat(128), read("{\"type\":\"auth.start\",\"username\":\"a\",\"clientNonce\":"
                + quoted("n".repeat(128)) + "}", AuthStart.class).clientNonce());
        rejected("{\"type\":\"auth.start\",\"username\":\"a\",\"clientNonce\":" + quoted("n".repeat(129)) + "}",
                AuthStart.class, "clientNonce");
        rejected("{\"type\":\"auth.finish\",\"nonce\":" + quoted("n".repeat(257)) + ",\"proof\":\"AAAA\"}",
                AuthFinish.class, "nonce");
        rejected("{\"type\":\"auth.finish\",\"nonce\":\"n\",\"proof\":" + quoted("A".repeat(257)) + "}",
                AuthFinish.class, "proof");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "201", "2147483647", "-2147483648"})
    void pageLimitOutOfRangeIsRejected(int limit) {
        String message = rejected("{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":" + limit + "}",
                HistoryRequest.class, "limit");
        assertTrue(message.contains("between 1 and 200"), message);
        rejected("{\"type\":\"chat.search\",\"query\":\"q\",\"limit\":" + limit + "}", SearchRequest.class, "limit");
    }

    @Test
    void pageLimitBoundsAreAccepted() throws ProtocolException {
        assertEquals(1, read("{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":1}", HistoryRequest.class).limit());
        assertEquals(Protocol.MAX_PAGE_SIZE,
                read("{\"type\":\"chat.search\",\"query\":\"q\",\"limit\":200}", SearchRequest.class).limit());
    }

    @Test
    void searchQueryIsLimitedTo200Characters() {
        rejected("{\"type\":\"chat.search\",\"query\":" + quoted("q".repeat(201)) + ",\"limit\":1}",
                SearchRequest.class, "query");
        rejected("{\"type\":\"chat.search\",\"query\":\" \",\"limit\":1}", SearchRequest.class, "query");
    }

    @Test
    void tooManyIdsAreRejected() throws ProtocolException {
        String thousand = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertEquals(1000, read("{\"type\":\"chat.ack\",\"messageIds\":[" + thousand + "]}", ChatAck.class)
                .messageIds().size());
        rejected("{\"type\":\"chat.ack\",\"messageIds\":[" + thousand + ",1001]}", ChatAck.class, "messageIds");
    }

    @Test
    void tooManyCapabilitiesAreRejected() {
        String caps = IntStream.range(0, 65).mapToObj(i -> quoted("c" + i)).collect(Collectors.joining(","));
        rejected("{\"type\":\"hello\",\"version\":1,\"capabilities\":[" + caps + "]}", Hello.class, "capabilities");
    }

    @Test
    void pluginVersionsAreBoundedAndOptional() throws ProtocolException {
        String base = "{\"type\":\"hello.ok\",\"version\":1,\"maxFrameBytes\":65536,\"heartbeatSeconds\":0,"
                + "\"idleTimeoutSeconds\":0";
        assertEquals(Map.of(), read(base + "}", HelloOk.class).plugins());
        HelloOk ok = read(base + ",\"plugins\":{\"x.dice\":\"1.0.0\"}}", HelloOk.class);
        assertEquals(Map.of("x.dice", "1.0.0"), ok.plugins());
        assertThrows(UnsupportedOperationException.class, () -> ok.plugins().put("y", "1"));
        String many = IntStream.range(0, 65).mapToObj(i -> quoted("c" + i) + ":\"1\"").collect(Collectors.joining(","));
        rejected(base + ",\"plugins\":{" + many + "}}", HelloOk.class, "plugins");
        rejected(base + ",\"plugins\":{\"x.dice\":null}}", HelloOk.class, "plugins");
        rejected(base + ",\"plugins\":{\"x.dice\":\"" + "9".repeat(65) + "\"}}", HelloOk.class, "plugins");
        rejected(base + ",\"plugins\":[\"x.dice\"]}", HelloOk.class, "plugins");
    }

    @Test
    void nullInAListIsRejected() {
        rejected("{\"type\":\"chat.ack\",\"messageIds\":[1,null]}", ChatAck.class, "messageIds");
        rejected("{\"type\":\"hello\",\"version\":1,\"capabilities\":[null]}", Hello.class, "capabilities");
    }

    @Test
    void absentListsBecomeEmptyAndListsAreImmutable() throws ProtocolException {
        ChatAck ack = read("{\"type\":\"chat.ack\"}", ChatAck.class);
        assertEquals(List.of(), ack.messageIds());
        Hello hello = read("{\"type\":\"hello\",\"version\":1,\"capabilities\":[\"a\"]}", Hello.class);
        assertThrows(UnsupportedOperationException.class, () -> hello.capabilities().add("b"));
    }

    @Test
    void recordsCopyTheListsTheyAreGiven() {
        List<Long> ids = new ArrayList<>(List.of(1L));
        ChatAck ack = new ChatAck(ids);
        ids.add(2L);
        assertEquals(List.of(1L), ack.messageIds());
        assertThrows(IllegalArgumentException.class, () -> new ChatAck(Arrays.asList(1L, null)));
        assertThrows(IllegalArgumentException.class, () -> new ChatAck(Collections.nCopies(1001, 1L)));
    }

    @Test
    void readMarksNameAPeerAndAMessageIdOrZero() {
        assertEquals(0, new Messages.ReadRequest("bob", 0).upTo());
        assertThrows(IllegalArgumentException.class, () -> new Messages.ReadRequest("bob", -1));
        assertThrows(IllegalArgumentException.class, () -> new Messages.ReadRequest(" ", 5));
        assertThrows(IllegalArgumentException.class, () -> new Messages.ReadRequest("x".repeat(65), 5));
    }

    // --- wrong JSON types

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"hello\",\"version\":\"1\"}                                         | Hello          | version",
        "{\"type\":\"hello\",\"version\":1.0}                                           | Hello          | version",
        "{\"type\":\"hello\",\"version\":true}                                          | Hello          | version",
        "{\"type\":\"hello\",\"version\":99999999999}                                   | Hello          | version",
        "{\"type\":\"hello\",\"version\":1,\"client\":5}                                | Hello          | client",
        "{\"type\":\"hello\",\"version\":1,\"client\":{}}                               | Hello          | client",
        "{\"type\":\"hello\",\"version\":1,\"capabilities\":\"filetransfer\"}           | Hello          | capabilities",
        "{\"type\":\"hello\",\"version\":1,\"capabilities\":[1]}                        | Hello          | capabilities[0]",
        "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c\",\"text\":5}   | ChatSend       | text",
        "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c\",\"text\":true} | ChatSend      | text",
        "{\"type\":\"chat.send\",\"to\":[\"bob\"],\"clientMessageId\":\"c\",\"text\":\"x\"} | ChatSend   | to",
        "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":7,\"text\":\"x\"}   | ChatSend       | clientMessageId",
        "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":\"10\"}                  | HistoryRequest | limit",
        "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":10.5}                    | HistoryRequest | limit",
        "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":10,\"beforeId\":\"5\"}   | HistoryRequest | beforeId",
        "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":10,\"beforeId\":1e400}   | HistoryRequest | beforeId",
        "{\"type\":\"chat.ack\",\"messageIds\":5}                                       | ChatAck        | messageIds",
        "{\"type\":\"chat.ack\",\"messageIds\":{\"a\":1}}                               | ChatAck        | messageIds",
        "{\"type\":\"chat.ack\",\"messageIds\":[1,\"2\"]}                               | ChatAck        | messageIds[1]",
        "{\"type\":\"chat.ack\",\"messageIds\":[1.5]}                                   | ChatAck        | messageIds[0]",
        "{\"type\":\"chat.ack\",\"messageIds\":[18446744073709551616]}                  | ChatAck        | messageIds[0]",
        "{\"type\":\"chat.send.ok\",\"messageId\":1,\"timestamp\":2,\"duplicate\":1}    | ChatSent       | duplicate",
        "{\"type\":\"chat.send.ok\",\"messageId\":1,\"timestamp\":2,\"duplicate\":\"true\"} | ChatSent   | duplicate",
        "{\"type\":\"presence.list.ok\",\"users\":[{\"username\":\"a\",\"online\":\"yes\"}]} | PresenceList | users[0].online",
    })
    void wrongJsonTypeIsNamed(String json, String record, String field) throws ClassNotFoundException {
        rejected(json, recordClass(record), field);
    }

    @Test
    void wrongTypeMessageSaysWhatIsExpected() {
        String json = "{\"type\":\"chat.history\",\"peer\":\"bob\",\"limit\":\"ten\"}";
        assertEquals("chat.history: field 'limit' must be an integer", rejected(json, HistoryRequest.class, "limit"));
        assertEquals("chat.send: field 'text' must be a string",
                rejected("{\"type\":\"chat.send\",\"to\":\"b\",\"clientMessageId\":\"c\",\"text\":1}", ChatSend.class,
                        "text"));
    }

    @Test
    void unknownFieldsAreIgnoredByRecords() throws ProtocolException {
        ChatSend send = read("{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c\",\"text\":\"x\","
                + "\"priority\":\"high\",\"reactions\":[{\"id\":1}],\"extra\":null}", ChatSend.class);
        assertEquals(new ChatSend("bob", "c", "x"), send);
    }

    @Test
    void bodyCanBeReadDirectlyFromAFrame() throws ProtocolException {
        Frame frame = CODEC.frame(MessageTypes.CHAT_HISTORY, 4, new HistoryRequest("bob", null, 10));
        assertEquals(new HistoryRequest("bob", null, 10), CODEC.read(frame, HistoryRequest.class));
    }
}
