package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UserEntry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What {@code --json} prints for the admin answers, and the text mode's words. */
class AdminFieldsTest {
    private static final long T0 = 1_764_000_000_000L; // 2025-11-24T16:00:00Z
    private static final UserEntry OSCAR = new UserEntry("oscar", "Oscar", false, true, true, T0, T0 + 3_600_000);
    private static final UserEntry CAROL = new UserEntry("carol", "Carol", true, false, false, T0, null);

    private static String json(Object fields) throws Exception {
        return new ObjectMapper().writeValueAsString(fields);
    }

    @Test
    void userObjectsHaveTheDocumentedFieldsAndTheBanOnlyWhileItLasts() throws Exception {
        assertEquals("{\"username\":\"oscar\",\"displayName\":\"Oscar\",\"admin\":false,\"locked\":true,\"online\":true,"
                + "\"createdAt\":\"2025-11-24T16:00:00Z\",\"bannedUntil\":\"2025-11-24T17:00:00Z\"}",
                json(AdminFields.user(OSCAR)));
        assertEquals("{\"username\":\"carol\",\"displayName\":\"Carol\",\"admin\":true,\"locked\":false,\"online\":false,"
                + "\"createdAt\":\"2025-11-24T16:00:00Z\"}", json(AdminFields.user(CAROL)));
    }

    @Test
    void userStateInWords() {
        assertEquals("locked, banned until 2025-11-24T17:00:00Z", AdminFields.state(OSCAR));
        assertEquals("active", AdminFields.state(CAROL));
        assertEquals("carol (Carol), administrator, active", AdminFields.userLine(CAROL));
        assertEquals("oscar (Oscar), user, locked, banned until 2025-11-24T17:00:00Z, online", AdminFields.userLine(OSCAR));
    }

    @Test
    void sessionObjects() throws Exception {
        OnlineSession session = new OnlineSession(17, "alice", "192.0.2.7:50412", T0, 4, "confab-cli/0.1");

        assertEquals("{\"sessionId\":17,\"username\":\"alice\",\"address\":\"192.0.2.7:50412\","
                + "\"since\":\"2025-11-24T16:00:00Z\",\"idleSeconds\":4,\"client\":\"confab-cli/0.1\"}",
                json(AdminFields.session(session)));
        assertEquals(List.of("alice", "192.0.2.7:50412", "2025-11-24T16:00:00Z", "4 s", "confab-cli/0.1"),
                AdminFields.sessionRow(session));
    }

    @Test
    void auditEntriesSayWhoDidWhatToWhomWhenAndFromWhere() throws Exception {
        AuditEntry kick = new AuditEntry(310, T0, "alice", "kick", "carol", "192.0.2.7:50412", "closed 1 session");
        AuditEntry broadcast = new AuditEntry(311, T0, "console", "broadcast", null, "console", "sent to 2 sessions");

        assertEquals("{\"id\":310,\"when\":\"2025-11-24T16:00:00Z\",\"who\":\"alice\",\"what\":\"kick\","
                + "\"target\":\"carol\",\"address\":\"192.0.2.7:50412\",\"details\":\"closed 1 session\"}",
                json(AdminFields.audit(kick)));
        assertEquals("#310 2025-11-24T16:00:00Z alice kick carol from 192.0.2.7:50412: closed 1 session",
                AdminFields.auditLine(kick));
        assertEquals("#311 2025-11-24T16:00:00Z console broadcast from console: sent to 2 sessions",
                AdminFields.auditLine(broadcast));
    }

    @Test
    void statusAndDurations() throws Exception {
        StatusReport status = new StatusReport(T0, 93_784, 45, 42, 39, 120, 5310, "H2 2.3.232", 1_000_000L, 2_000_000L);

        assertEquals("{\"startedAt\":\"2025-11-24T16:00:00Z\",\"uptimeSeconds\":93784,\"connections\":45,"
                + "\"sessionsOnline\":42,\"usersOnline\":39,\"accounts\":120,\"messagesToday\":5310,"
                + "\"database\":\"H2 2.3.232\"}", json(AdminFields.status(status)));
        assertEquals("1d 2h 3m 4s", AdminFields.duration(93_784));
        assertEquals("5m 0s", AdminFields.duration(300));
        assertEquals("0s", AdminFields.duration(0));
        assertEquals("1 session", AdminFields.count(1, "session"));
        assertEquals("0 accounts", AdminFields.count(0, "account"));
    }

    @Test
    void tablesAlignColumnsAndLeaveNoTrailingBlanks() {
        assertEquals(List.of("NAME   ROLE", "alice  administrator", "bo     user"),
                TextTable.format(List.of(List.of("NAME", "ROLE"), List.of("alice", "administrator"), List.of("bo", "user"))));
        assertEquals(List.of("a  b", "c"), TextTable.format(List.of(List.of("a", "b"), List.of("c", ""))));
    }

    @Test
    void noticesAreToldFromMessagesInBothModes() {
        Notice notice = new Notice("alice", "restart at 18:00", T0);

        assertEquals("{\"notice\":\"restart at 18:00\",\"from\":\"alice\",\"sentAt\":\"2025-11-24T16:00:00Z\"}",
                print(true, notice).strip());
        assertEquals("notice from alice at 2025-11-24T16:00:00Z: restart at 18:00", print(false, notice).strip());
    }

    private static String print(boolean json, Notice notice) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), json).notice(notice);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
