package org.confab.client.core.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.confab.client.core.ConfabException;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.ErrorCode;

/**
 * Re-establishes a lost session: waits a backoff delay, connects to the next node (the one after the
 * node tried last, so a client whose node died moves on), logs in again with the remembered credentials
 * and hands the new connection to the {@link SessionController}. Failures that another attempt could
 * cure (node down, busy, timeouts) schedule the next attempt, at the next node, with a longer delay;
 * refusals that will not change by retrying end reconnecting. A node whose certificate is not the
 * trusted one is never accepted: it is skipped (reported to the listeners) and the next node tried at
 * once; only when every node was refused in a row does reconnecting end.
 */
final class Reconnector {
    private static final System.Logger LOG = System.getLogger(Reconnector.class.getName());
    private static final Set<ErrorCode> PERMANENT = Set.of(ErrorCode.AUTH_FAILED, ErrorCode.ACCOUNT_LOCKED,
            ErrorCode.UNSUPPORTED_VERSION, ErrorCode.NO_SUCH_USER);

    private final SessionController session;
    private final ClientRuntime runtime;
    private final Dialer dialer;
    private final ScramLogin login;
    private final Backoff backoff;
    private int attempt;
    /** Nodes refused in a row for their certificates; as many as there are nodes ends reconnecting. */
    private int untrustedInRow;
    private Optional<ScheduledFuture<?>> scheduled = Optional.empty();

    Reconnector(SessionController session, ClientRuntime runtime, Dialer dialer, ScramLogin login,
            Backoff backoff) {
        this.session = session;
        this.runtime = runtime;
        this.dialer = dialer;
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
            connection = dialer.next(session);
        } catch (UntrustedServerException e) {
            skipOrGiveUp(e);
            return;
        } catch (RuntimeException e) {
            retryOrGiveUp(e);
            return;
        }
        synchronized (this) {
            untrustedInRow = 0;
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

    private void skipOrGiveUp(UntrustedServerException refusal) {
        boolean everyNodeRefused;
        synchronized (this) {
            everyNodeRefused = ++untrustedInRow >= dialer.nodeCount();
        }
        if (everyNodeRefused) {
            retryOrGiveUp(refusal);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "skipping {0}: {1}", refusal.serverAddress(), refusal.getMessage());
        session.nodeSkipped(refusal);
        runtime.io().execute(this::attempt);
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
