package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.junit.jupiter.api.Test;

/**
 * Login churn: an account that logs in (or reconnects) in a loop is refused with RATE_LIMITED beyond
 * its login budget (limits {@code loginsPerAccountPerMinute}, {@code loginBurstPerAccount}), and its
 * logins and logouts are pushed to everybody else in gathered batches (limits
 * {@code presenceIntervalMillis}), not once each. Before, every login was allowed and each first
 * login and last logout pushed presence to every session at once.
 */
class LoginChurnTest extends ServerTestSupport {
    private static final String LIMITS = "org.confab.server.limits";

    @Test
    void anAccountThatLogsInInALoopIsRefusedBeyondItsBudget() throws Exception {
        String churner = register("churn");
        // the suite's configuration allows thousands (it logs in as admin all the time); here a burst of 30
        Dictionary<String, Object> original = reconfigure(LIMITS, Map.of("loginBurstPerAccount", 30, "loginsPerAccountPerMinute", 30));
        try {
            ErrorBody refused = null;
            int logins = 0;
            while (refused == null && logins < 200) {
                try (TestClient client = TestClient.connected(server())) {
                    Frame answer = client.login(churner, PASSWORD);
                    logins++;
                    if (!answer.type().equals("auth.finish.ok")) {
                        refused = client.body(answer, ErrorBody.class);
                    }
                }
            }
            assertTrue(refused != null, "still logging in after " + logins + " logins in a row");
            assertEquals("RATE_LIMITED", refused.code(), refused.toString());
            assertTrue(logins > 30, "the burst of 30 is allowed, refused after " + logins);
            assertTrue(refused.retryAfterSeconds() != null && refused.retryAfterSeconds() >= 1, refused.toString());
        } finally {
            restore(LIMITS, original);
        }
    }

    @Test
    void loginsAndLogoutsInALoopArePushedInGatheredBatches() throws Exception {
        String churner = register("flap");
        String observer = register("obs");
        try (TestClient watching = loggedIn(observer)) {
            for (int i = 0; i < 10; i++) {
                loggedIn(churner).close();
            }
            int pushes = 0;
            boolean lastOnline = false;
            while (watching.receives(MessageTypes.PRESENCE_UPDATE, 1500)) {
                Frame next = watching.await(MessageTypes.PRESENCE_UPDATE);
                if (presenceOf(next, churner)) {
                    pushes++;
                    lastOnline = next.body().path("online").asBoolean();
                }
            }
            // ten logins and ten logouts used to be twenty pushes; gathered, they are none (the loop ended
            // where it began within one interval) or a few, however fast the loop ran
            assertTrue(pushes <= 6, pushes + " presence pushes for 10 logins and logouts");
            assertTrue(!lastOnline, "the last word about the churner is that it is offline");
            try (TestClient stays = loggedIn(churner)) {
                Frame online = watching.await("the churner online", frame -> presenceOf(frame, churner), TestClient.WAIT_MILLIS);
                PresenceEntry entry = watching.body(online, PresenceEntry.class);
                assertTrue(entry.online(), "a login that stays is pushed");
            }
        }
    }

    private static boolean presenceOf(Frame frame, String username) {
        return frame.type().equals(MessageTypes.PRESENCE_UPDATE) && username.equals(frame.body().path("username").asText());
    }
}
