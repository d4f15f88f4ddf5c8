package org.confab.server.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.confab.server.api.ClientSession;
import org.confab.server.spi.SessionPolicy;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.Supervised;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that stopped answering: silent past the idle timeout, or still not logged in
 * past the login timeout. Checks once a second, so a timeout fires at most a second late.
 */
@Component(immediate = true)
public class IdleConnectionMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnectionMonitor.class);

    private final SessionRegistry registry;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    @Activate
    public IdleConnectionMonitor(@Reference SessionRegistry registry) {
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("confab-idle-monitor").factory());
        // supervised: a scheduled task that throws is never run again, and nothing would time out any more
        timer.scheduleWithFixedDelay(Supervised.periodic("the idle monitor", this::sweep), 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    void sweep() {
        SessionPolicy policy = registry.policy();
        Instant now = clock.instant();
        for (ClientSession session : registry.all()) {
            try {
                check(session, policy, now);
            } catch (RuntimeException | Error e) {
                // one broken session must not keep the others from timing out
                LOG.error("idle check of session #{} failed", session.id(), e);
            }
        }
    }

    private void check(ClientSession session, SessionPolicy policy, Instant now) {
        Duration silent = Duration.between(session.lastActivity(), now);
        if (silent.toSeconds() >= policy.idleTimeoutSeconds()) {
            LOG.info("timeout #{} user={} from {}: silent for {} s", session.id(), session.username().orElse("-"),
                    session.remoteAddress(), silent.toSeconds());
            session.close("IDLE_TIMEOUT", "no heartbeat for " + silent.toSeconds() + " seconds");
        } else if (session.username().isEmpty()
                && Duration.between(session.connectedAt(), now).toSeconds() >= policy.loginTimeoutSeconds()) {
            LOG.info("login timeout #{} from {}", session.id(), session.remoteAddress());
            session.close("LOGIN_TIMEOUT", "not logged in within " + policy.loginTimeoutSeconds() + " seconds");
        }
    }
}
