package org.confab.cli.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.LoginResult;
import org.confab.protocol.messages.Messages.HelloOk;

/**
 * A connected client for the duration of one command. Waits on the client's futures for at most the
 * {@code --timeout}, and on close logs out (if logged in) so the server sees the user leave at once.
 * Messages are never acknowledged automatically: only {@code receive} acknowledges, and only what it
 * printed, so other commands do not swallow the user's offline messages.
 */
final class CliSession implements AutoCloseable {
    static final String CLIENT_NAME = "confab-cli/0.1";
    private static final Duration MARGIN = Duration.ofMillis(500);

    private final GlobalOptions global;
    private final ConfabClient client;
    private final HelloOk hello;
    private boolean loggedIn;

    private CliSession(GlobalOptions global, ConfabClient client, HelloOk hello) {
        this.global = global;
        this.client = client;
        this.hello = hello;
    }

    static CliSession connect(GlobalOptions global) throws Exception {
        ClientOptions options = ClientOptions.of(global.servers())
                .withClientName(CLIENT_NAME).withTimeouts(global.timeout(), global.timeout())
                .withReconnectDelays(Duration.ofMillis(200), Duration.ofSeconds(2)).withAutoAck(false)
                .withTrust(global.trust().serverTrust());
        ConfabClient client = new ConfabClient(options);
        try {
            return new CliSession(global, client, await(client.connect(), global.timeout().plus(global.timeout())));
        } catch (Exception | Error e) {
            client.close();
            throw e;
        }
    }

    ConfabClient client() {
        return client;
    }

    HelloOk hello() {
        return hello;
    }

    /** Logs in as {@code --user} with the configured password. */
    LoginResult login() throws Exception {
        LoginResult result = await(client.login(global.requireUser(), global.requirePassword()));
        loggedIn = true;
        return result;
    }

    /** The future's value, waiting at most the timeout; failures are rethrown unwrapped. */
    <T> T await(CompletableFuture<T> future) throws Exception {
        return await(future, global.timeout().plus(MARGIN));
    }

    /**
     * The value of a future that may take long, such as a file transfer, which needs no overall limit:
     * each of its requests has the {@code --timeout}. Failures are rethrown unwrapped.
     */
    <T> T awaitTransfer(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer from the server within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (loggedIn) {
                client.logout().get(global.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // leaving anyway; the server notices the closed connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }
}
