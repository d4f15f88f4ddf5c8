package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the conformance suite: before each test, the statement it checks must still stand, word for
 * word, in the section of docs/protocol.md the test is named after, so that neither the document nor
 * the server can change alone.
 */
abstract class ConformanceSupport extends ServerTestSupport {
    /** How long a test waits to be sure that a frame does not come. */
    static final long QUIET_MILLIS = 300;

    /** Every protocol version the server speaks: each statement holds for all of them. */
    static IntStream versions() {
        return IntStream.rangeClosed(1, Protocol.VERSION);
    }

    @BeforeEach
    void statementStandsInTheDocument(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        String statement = ProtocolDocument.read().checklist().get(name);
        assertNotNull(statement, "docs/protocol.md section 17 has no line for " + name);
        String section = ProtocolDocument.sectionOf(name);
        String text = ProtocolDocument.read().section(section)
                .orElseThrow(() -> new AssertionError("docs/protocol.md has no section " + section));
        assertTrue(text.contains(statement), "section " + section + " of docs/protocol.md no longer says: " + statement);
    }

    /** A fresh connection that said hello with {@code version} and logged in as {@code username}. */
    static TestClient loggedIn(String username, int version) throws Exception {
        TestClient client = TestClient.connected(server(), version);
        Frame response = client.login(username, PASSWORD);
        assertEquals("auth.finish.ok", response.type(), response.toString());
        return client;
    }

    static String errorMessage(TestClient client, Frame frame) throws Exception {
        assertEquals(MessageTypes.ERROR, frame.type(), "expected an error but got " + frame);
        return client.body(frame, ErrorBody.class).message();
    }

    /** The next frame is an error without rid with {@code code}. */
    static ErrorBody nextErrorWithoutRid(TestClient client, String code) throws Exception {
        Frame frame = client.next();
        assertEquals(MessageTypes.ERROR, frame.type(), frame.toString());
        assertEquals(0, frame.rid(), "an error about an unreadable frame has no rid: " + frame);
        ErrorBody error = client.body(frame, ErrorBody.class);
        assertEquals(code, error.code(), frame.toString());
        return error;
    }

    /** The next frame is {@code session.closed} with {@code code}, and the server closes the connection. */
    static void nextIsSessionClosedThenClose(TestClient client, String code) throws Exception {
        Frame frame = client.next();
        assertEquals(MessageTypes.SESSION_CLOSED, frame.type(), frame.toString());
        assertEquals(code, client.body(frame, SessionClosed.class).code());
        assertTrue(client.closedWithin(TestClient.WAIT_MILLIS), "the server closes the connection");
    }

    /** A frame's payload as raw bytes, to send what {@code FrameCodec} would never produce. */
    static byte[] utf8(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A 4-byte big-endian length prefix. */
    static byte[] length(long value) {
        return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
    }
}
