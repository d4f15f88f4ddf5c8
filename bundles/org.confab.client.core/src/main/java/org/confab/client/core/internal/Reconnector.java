package org.confab.client.core.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.confab.client.core.ConfabException;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.ErrorCode;

/**
 * Re-establishes a lost session: waits a backoff delay, connects, logs in again with the remembered
 * credentials and hands the new connection to the {@link SessionController}. Failures that another
 * attempt could cure (server down, busy, timeouts) schedule the next attempt with a longer delay;
 * refusals that will not change by retrying end reconnecting.
 */
final class Reconnector {
    private static final System.Logger LOG = System.getLogger(Reconnector.class.getName());
    private static final Set<ErrorCode> PERMANENT = Set.of(ErrorCode.AUTH_FAILED, ErrorCode.ACCOUNT_LOCKED,
            ErrorCode.UNSUPPORTED_VERSION, ErrorCode.NO_SUCH_USER);

    private final SessionController session;
    private final ClientRuntime runtime;
    private final Connector connector;
    private final ScramLogin login;
    private final Backoff backoff;
    private int attempt;
    private Optional<ScheduledFuture<?>> scheduled = Optional.empty();

    Reconnector(SessionController session, ClientRuntime runtime, Connector connector, ScramLogin login,
            Backoff backoff) {
        this.session = session;
        this.runtime = runtime;
        this.connector = connector;
        this.login = login;
        this.backoff = backoff;
    }

    synchronized void schedule() {
        scheduled = runtime.schedule(() -> runtime.io().execute(this::attempt), backoff.delay(attempt++));
    }

    synchronized void cancel() {
        scheduled.ifPresent(task -> task.cancel(false));
    }

    private void attempt() {
        Optional<Credentials> credentials = session.reconnectCredentials();
        if (credentials.isEmpty()) {
            return;
        }
        Connection connection;
        try {
            connection = connector.open(session);
        } catch (RuntimeException e) {
            retryOrGiveUp(e);
            return;
        }
        connection.start(runtime);
        login.login(connection, credentials.get()).whenComplete((ok, error) -> {
            if (error == null) {
                synchronized (this) {
                    attempt = 0;
                }
                session.reconnected(connection, ok);
            } else {
                connection.close("re-login failed: " + Failures.describe(error));
                retryOrGiveUp(error);
            }
        });
    }

    private void retryOrGiveUp(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof ConfabException refusal && PERMANENT.contains(refusal.code())
                || cause instanceof UntrustedServerException) {
            LOG.log(System.Logger.Level.WARNING, "giving up reconnecting: {0}", Failures.describe(cause));
            session.reconnectRefused(cause);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "reconnect attempt failed: {0}", Failures.describe(cause));
        schedule();
    }
}
