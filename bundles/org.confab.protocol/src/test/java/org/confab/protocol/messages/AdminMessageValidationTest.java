package org.confab.protocol.messages;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin request records enforce their limits; violations are BAD_REQUEST naming the type and field. */
class AdminMessageValidationTest {

    private static final FrameCodec CODEC = new FrameCodec();

    private static <T> T read(String json, Class<T> type) throws ProtocolException {
        return CODEC.read(CODEC.decode(utf8(json)), type);
    }

    private static String rejected(String json, Class<?> type, String field) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_REQUEST, () -> read(json, type));
        String frameType = json.replaceAll(".*\"type\":\"([a-z.]+)\".*", "$1");
        assertTrue(e.getMessage().startsWith(frameType + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + field + "'"), "field '" + field + "' not named in: " + e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"admin.users\"}                                         | UserQuery  | limit",
        "{\"type\":\"admin.user.add\",\"password\":\"secret123\"}           | AddUser    | username",
        "{\"type\":\"admin.user.add\",\"username\":\"bob\"}                 | AddUser    | password",
        "{\"type\":\"admin.user.update\",\"locked\":true}                   | UpdateUser | username",
        "{\"type\":\"admin.user.delete\"}                                   | DeleteUser | username",
        "{\"type\":\"admin.kick\",\"reason\":\"spam\"}                      | Kick       | username",
        "{\"type\":\"admin.broadcast\"}                                     | Broadcast  | text",
        "{\"type\":\"admin.audit\"}                                         | AuditQuery | limit",
    })
    void missingRequiredFieldIsNamed(String json, String record, String field) throws ClassNotFoundException {
        String message = rejected(json, Class.forName(AdminMessages.class.getName() + "$" + record), field);
        assertTrue(message.contains("required"), message);
    }

    @ParameterizedTest
    @CsvSource({ "0", "201", "-1" })
    void pageLimitsAreEnforced(int limit) {
        rejected("{\"type\":\"admin.users\",\"limit\":" + limit + "}", UserQuery.class, "limit");
        rejected("{\"type\":\"admin.audit\",\"limit\":" + limit + "}", AuditQuery.class, "limit");
    }

    @Test
    void userQueryDefaultsAndBounds() throws ProtocolException {
        UserQuery query = read("{\"type\":\"admin.users\",\"limit\":200}", UserQuery.class);
        assertNull(query.query());
        assertNull(query.offset());
        rejected("{\"type\":\"admin.users\",\"offset\":-1,\"limit\":10}", UserQuery.class, "offset");
        rejected("{\"type\":\"admin.users\",\"query\":\"" + "q".repeat(65) + "\",\"limit\":10}", UserQuery.class, "query");
        rejected("{\"type\":\"admin.users\",\"offset\":\"5\",\"limit\":10}", UserQuery.class, "offset");
    }

    @Test
    void updateMustChangeSomething() throws ProtocolException {
        String message = rejected("{\"type\":\"admin.user.update\",\"username\":\"bob\"}", UpdateUser.class, "displayName");
        assertTrue(message.contains("nothing to change"), message);
        rejected("{\"type\":\"admin.user.update\",\"username\":\"bob\",\"clearBan\":false}", UpdateUser.class, "clearBan");
        assertEquals(Boolean.TRUE,
                read("{\"type\":\"admin.user.update\",\"username\":\"bob\",\"clearBan\":true}", UpdateUser.class).clearBan());
        assertEquals(Boolean.FALSE,
                read("{\"type\":\"admin.user.update\",\"username\":\"bob\",\"admin\":false}", UpdateUser.class).admin());
        rejected("{\"type\":\"admin.user.update\",\"username\":\"bob\",\"admin\":1}", UpdateUser.class, "admin");
        rejected("{\"type\":\"admin.user.update\",\"username\":\"bob\",\"admin\":\"true\"}", UpdateUser.class, "admin");
    }

    @Test
    void kickReasonAndBanAreBounded() throws ProtocolException {
        String json = "{\"type\":\"admin.kick\",\"username\":\"bob\",";
        assertEquals(525_600, read(json + "\"banMinutes\":525600}", Kick.class).banMinutes());
        rejected(json + "\"banMinutes\":0}", Kick.class, "banMinutes");
        rejected(json + "\"banMinutes\":525601}", Kick.class, "banMinutes");
        assertEquals(200, read(json + "\"reason\":\"" + "r".repeat(200) + "\"}", Kick.class).reason().length());
        rejected(json + "\"reason\":\"" + "r".repeat(201) + "\"}", Kick.class, "reason");
        rejected("{\"type\":\"admin.kick\",\"username\":\" \"}", Kick.class, "username");
    }

    @Test
    void noticeMustNotBeBlankOrTooLong() {
        rejected("{\"type\":\"admin.broadcast\",\"text\":\"  \"}", Broadcast.class, "text");
        rejected("{\"type\":\"admin.broadcast\",\"text\":\"" + "t".repeat(2001) + "\"}", Broadcast.class, "text");
    }

    @Test
    void addUserFieldsAreBounded() {
        rejected("{\"type\":\"admin.user.add\",\"username\":\"" + "u".repeat(65) + "\",\"password\":\"p\"}", AddUser.class,
                "username");
        rejected("{\"type\":\"admin.user.add\",\"username\":\"bob\",\"password\":\"" + "p".repeat(1025) + "\"}",
                AddUser.class, "password");
        rejected("{\"type\":\"admin.user.delete\",\"username\":\"\"}", DeleteUser.class, "username");
    }

    @Test
    void absentBanIsOmittedOnTheWire() throws ProtocolException {
        UserEntry user = new UserEntry("bob", "Bob", false, false, true, 1, null);
        String json = new String(CODEC.encode(CODEC.frame("admin.users.ok", 3, new UserPage(List.of(user), 1, false))));
        assertTrue(!json.contains("bannedUntil"), json);
        assertEquals(user, CODEC.read(CODEC.decode(utf8(json)), UserPage.class).users().get(0));
    }
}
