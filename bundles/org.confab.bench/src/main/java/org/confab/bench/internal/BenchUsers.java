package org.confab.bench.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConfabException;
import org.confab.protocol.Fingerprint;
import org.confab.client.core.ServerTrust;
import org.confab.protocol.ErrorCode;

/** Creates (or reuses) the benchmark accounts and logs clients in as them. */
final class BenchUsers {
    static final String PASSWORD_VARIABLE = "CONFAB_BENCH_PASSWORD";

    private final Options options;
    private final String prefix;
    private final String password;
    private final SourceAddresses sources;

    BenchUsers(Options options) {
        this.options = options;
        this.prefix = options.text("prefix", "bench");
        this.sources = SourceAddresses.of(options);
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        this.password = fromEnvironment == null || fromEnvironment.isBlank() ? "bench password 2024" : fromEnvironment;
    }

    String name(int index) {
        return prefix + "-" + index;
    }

    /** Where the sessions' connections come from ({@code --sources}). */
    SourceAddresses sources() {
        return sources;
    }

    ClientOptions clientOptions(InetAddress source) {
        return clientOptions(source, 0);
    }

    /** For user {@code index}: with several {@code --server}s (a cluster's nodes) the users are spread over them. */
    ClientOptions clientOptions(InetAddress source, int index) {
        // --fingerprint SHA256:... benchmarks over TLS; without it the server must run with --plain
        ServerTrust trust = options.text("fingerprint", "").isEmpty() ? ServerTrust.plain()
                : ServerTrust.pinned(Fingerprint.parse(options.text("fingerprint", "")));
        return ClientOptions.of(options.host(index), options.port(index)).withClientName("confab-bench/0.1")
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(60)).withTrust(trust).withLocalAddress(source);
    }

    /**
     * Registers users 0..count-1 that do not exist yet, a few at a time, all from the first source:
     * the server limits registrations per address (unless it is exempt), and this is set-up, not load.
     */
    void ensureRegistered(int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            ConfabClient client = new ConfabClient(clientOptions(sources.forSession(0)));
            String name = name(i);
            all.add(client.connect().thenCompose(ok -> client.register(name, password, name))
                    .handle((ok, error) -> {
                        client.close();
                        inFlight.release();
                        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                        if (cause != null && !(cause instanceof ConfabException e && e.code() == ErrorCode.USERNAME_TAKEN)) {
                            throw new IllegalStateException("cannot register " + name + ": " + cause.getMessage(), cause);
                        }
                        return ok;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** A connected, logged-in client for user {@code index}, from the source of session {@code session}. */
    ConfabClient login(int index, int session, ClientListener listener) throws InterruptedException, ExecutionException {
        ConfabClient client = new ConfabClient(clientOptions(sources.forSession(session), index));
        client.addListener(listener);
        try {
            client.connect().get(30, TimeUnit.SECONDS);
            client.login(name(index), password).get(60, TimeUnit.SECONDS);
            return client;
        } catch (java.util.concurrent.TimeoutException e) {
            client.close();
            throw new ExecutionException("login timed out for " + name(index), e);
        } catch (ExecutionException | RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
