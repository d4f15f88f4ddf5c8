package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Fingerprint;
import org.junit.jupiter.api.Test;

/** The words and decisions around a server certificate the client library refused. */
class TrustQuestionTest {
    private static final String SERVER = "chat.example.org:7777";
    private static final Fingerprint REAL = fingerprint((byte) 0xAB);
    private static final Fingerprint OTHER = fingerprint((byte) 0x01);

    @Test
    void aRefusedCertificateBecomesAQuestionAndOtherFailuresDoNot() {
        TrustQuestion question = TrustQuestion.of(new CompletionException(
                new UntrustedServerException(SERVER, REAL, Optional.empty()))).orElseThrow();
        assertEquals(new TrustQuestion(SERVER, REAL, Optional.empty()), question);
        assertFalse(question.changed());
        assertTrue(TrustQuestion.of(new ConfabConnectionException("connection refused")).isEmpty());
    }

    @Test
    void aNewServerIsAPlainQuestionThatEnterAccepts() {
        TrustQuestion question = new TrustQuestion(SERVER, REAL, Optional.empty());
        assertEquals("Trust and Connect", question.acceptLabel());
        assertEquals("Cancel", question.refuseLabel());
        assertTrue(question.acceptIsDefault());
        assertTrue(question.confirmation().isEmpty());
        assertTrue(question.message().contains(SERVER));
        assertTrue(question.refusedMessage().startsWith("Not connected: you did not trust the server at " + SERVER));
    }

    @Test
    void aChangedServerIsAWarningWhoseDefaultIsNotToConnect() {
        TrustQuestion question = TrustQuestion.of(new UntrustedServerException(SERVER, OTHER, Optional.of(REAL)))
                .orElseThrow();
        assertTrue(question.changed());
        assertEquals("Server identity changed", question.title());
        assertFalse(question.acceptIsDefault(), "Enter must not replace a remembered identity");
        assertEquals("Don't Connect", question.refuseLabel());
        assertNotEquals(new TrustQuestion(SERVER, REAL, Optional.empty()).acceptLabel(), question.acceptLabel(),
                "replacing is worded differently from trusting a new server");
        assertTrue(question.confirmation().orElseThrow().contains("administrator"));
        assertTrue(question.message().contains("attack") && question.message().contains("reinstalled")
                && question.message().contains("administrator"), question.message());
        assertTrue(question.refusedMessage().contains("has changed"));
    }

    @Test
    void fingerprintsShowBothFormsWithTheHexInTwoRowsOf16Bytes() {
        String text = FingerprintText.of(REAL);
        String[] lines = text.split("\n");
        assertEquals(3, lines.length, text);
        assertEquals(REAL.toString(), lines[0]);
        assertEquals(REAL.toHex(), lines[1] + ":" + lines[2], "the rows join to the hex the server logs");
        assertEquals(16, lines[1].split(":").length);
        assertEquals(Fingerprint.parse(lines[1] + lines[2]), REAL, "the hex rows parse back");
    }

    @Test
    void aReconnectRefusedForTheCertificateSaysSoInTheStatusLine() {
        String reason = UntrustedServerException.REASON_CODE + ": "
                + new UntrustedServerException(SERVER, OTHER, Optional.of(REAL)).getMessage();
        ConnectionStatus status = ConnectionStatus.of(ConnectionState.DISCONNECTED, "alice", SERVER, reason);
        assertEquals(ConnectionStatus.Level.PROBLEM, status.level());
        assertTrue(status.text().startsWith("Offline: the server's identity could not be confirmed, not reconnecting."),
                status.text());
        assertTrue(status.text().contains("CHANGED"), status.text());
        assertFalse(status.text().contains(UntrustedServerException.REASON_CODE), status.text());
    }

    private static Fingerprint fingerprint(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        bytes[31] = 0x42;
        return new Fingerprint(bytes);
    }
}
