package org.confab.server.router.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.server.api.ClientSession;
import org.confab.server.api.RateClass;
import org.confab.server.spi.AddressGroup;
import org.confab.server.spi.TokenBucket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's answers to brute force and flooding: temporary lockouts after repeated failed logins
 * (per account, so a password cannot be guessed from many addresses, and per address, so many
 * accounts cannot be tried from one), a registration rate per address, and a request rate per
 * session. Every refusal is a {@code RATE_LIMITED} error that says when to retry; nothing is dropped
 * silently. Unknown usernames are counted exactly like real ones, so lockouts reveal nothing.
 */
@Designate(ocd = LimitsConfig.class)
@Component(service = AbuseLimits.class, configurationPid = "org.confab.server.limits",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AbuseLimits {

    private static final Logger LOG = LoggerFactory.getLogger(AbuseLimits.class);
    private static final String BUCKET = "core.limits.requests.";

    /** The sustained rate and the burst of one rate class. */
    private record Budget(int perSecond, int burst) {
        Budget {
            perSecond = Math.max(1, perSecond);
            burst = Math.max(1, burst);
        }
    }

    private record Settings(AttemptLimiter accounts, AttemptLimiter addresses, AttemptLimiter registrations,
            KeyedBuckets logins, KeyedBuckets searches, Map<RateClass, Budget> budgets, Set<String> exempt,
            int presenceIntervalMillis, int ipv6PrefixBits) {
    }

    /** A search in progress: held while it runs, given back by {@link #close}. */
    interface SearchPermit extends AutoCloseable {
        @Override
        void close();
    }

    /** Users with a search running, each at most once. */
    private final Set<String> searching = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Searches running on the whole server; resized when the configuration changes. */
    private volatile java.util.concurrent.Semaphore searchSlots = new java.util.concurrent.Semaphore(1);

    private final LongSupplier clock;
    private volatile Settings settings;

    @Activate
    public AbuseLimits(LimitsConfig config) {
        this(config, System::nanoTime);
    }

    AbuseLimits(LimitsConfig config, LongSupplier clock) {
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(LimitsConfig config) {
        long window = TimeUnit.SECONDS.toNanos(Math.max(1, config.loginFailureWindowSeconds()));
        long lockout = TimeUnit.SECONDS.toNanos(Math.max(1, config.loginLockoutSeconds()));
        long registrationWindow = TimeUnit.SECONDS.toNanos(Math.max(1, config.registrationWindowSeconds()));
        int keys = Math.max(1000, config.trackedKeys());
        settings = new Settings(new AttemptLimiter(config.loginFailuresPerAccount(), window, lockout, keys),
                new AttemptLimiter(config.loginFailuresPerAddress(), window, lockout, keys),
                new AttemptLimiter(config.registrationsPerAddress(), registrationWindow, registrationWindow, keys),
                new KeyedBuckets(config.loginBurstPerAccount(), Math.max(1, config.loginsPerAccountPerMinute()) / 60.0, keys),
                new KeyedBuckets(config.searchesPerMinute(), Math.max(1, config.searchesPerMinute()) / 60.0, keys),
                Map.of(RateClass.CHAT, new Budget(config.requestsPerSecond(), config.requestBurst()),
                        RateClass.BULK, new Budget(config.bulkRequestsPerSecond(), config.bulkRequestBurst()),
                        RateClass.ADMIN, new Budget(config.adminRequestsPerSecond(), config.adminRequestBurst())),
                Set.of(config.exemptAddresses()), Math.max(10, config.presenceIntervalMillis()), config.ipv6PrefixLength());
        searchSlots = new java.util.concurrent.Semaphore(Math.max(1, config.concurrentSearches()));
    }

    /**
     * Refuses a login whose proof was right when the account has logged in too often lately: each login
     * (a reconnect too) costs presence pushes and the delivery of the backlog, so a client that logs in
     * in a loop must not be able to spend that without bound. Only the password's holder reaches this,
     * so nobody else can use it to keep the owner out.
     */
    void checkLoginRate(String account) throws ProtocolException {
        long wait = settings.logins().tryTake(account, clock.getAsLong());
        if (wait > 0) {
            LOG.info("account '{}' logs in too often; refused for now", LoggedNames.safe(account));
            throw refusal("this account logs in too often; try again later", wait);
        }
    }

    /**
     * Lets {@code user} start a search, or refuses it: beyond its rate, while another of its searches
     * runs, or while the server runs as many searches as it allows at once (each holds a pooled
     * database connection while it reads).
     */
    SearchPermit startSearch(String user) throws ProtocolException {
        long wait = settings.searches().tryTake(user, clock.getAsLong());
        if (wait > 0) {
            throw refusal("too many searches; slow down", wait);
        }
        if (!searching.add(user)) {
            throw refusal("one search at a time; wait for the answer to the last one", TimeUnit.SECONDS.toNanos(1));
        }
        java.util.concurrent.Semaphore slots = searchSlots;
        if (!slots.tryAcquire()) {
            searching.remove(user);
            throw refusal("the server is busy with other searches", TimeUnit.SECONDS.toNanos(1));
        }
        return () -> {
            slots.release();
            searching.remove(user);
        };
    }

    /** How long presence changes are gathered before they are pushed. */
    int presenceIntervalMillis() {
        return settings.presenceIntervalMillis();
    }

    /** Refuses a login attempt for a locked-out account or address. */
    void checkLogin(String account, ClientSession session) throws ProtocolException {
        Settings current = settings;
        long now = clock.getAsLong();
        Optional<Long> locked = current.accounts().lockedFor(account, now)
                .or(() -> address(session, current).flatMap(address -> current.addresses().lockedFor(address, now)));
        if (locked.isPresent()) {
            throw refusal("too many failed logins; try again later", locked.get());
        }
    }

    void loginFailed(String account, ClientSession session) {
        Settings current = settings;
        long now = clock.getAsLong();
        if (current.accounts().record(account, now)) {
            LOG.warn("account '{}' locked out after repeated failed logins (last from {})", LoggedNames.safe(account),
                    session.remoteAddress());
        }
        address(session, current).filter(address -> current.addresses().record(address, now))
                .ifPresent(address -> LOG.warn("address {} locked out after repeated failed logins", address));
    }

    void loginSucceeded(String account) {
        settings.accounts().reset(account);
    }

    /**
     * Refuses a registration from an address that has created its allowance of accounts. Only
     * {@link #registered created accounts} count: a registration the server turns down (weak password,
     * taken name) costs nothing here, since the generic request rate already bounds how fast anyone
     * can try.
     */
    void registrationAttempt(ClientSession session) throws ProtocolException {
        Settings current = settings;
        Optional<InetAddress> address = address(session, current);
        if (address.isEmpty()) {
            return;
        }
        Optional<Long> locked = current.registrations().lockedFor(address.get(), clock.getAsLong());
        if (locked.isPresent()) {
            throw refusal("too many registrations from your address; try again later", locked.get());
        }
    }

    /** Counts an account created from the session's address. */
    void registered(ClientSession session) {
        Settings current = settings;
        address(session, current).filter(address -> current.registrations().record(address, clock.getAsLong()))
                .ifPresent(address -> LOG.warn("address {} reached the registration limit", address));
    }

    /**
     * Takes one request from the session's budget for the rate class, or refuses the request. Each
     * class has a bucket of its own, so bulk transfers and chat do not slow each other down.
     */
    void request(ClientSession session, RateClass rateClass) throws ProtocolException {
        Settings current = settings;
        long now = clock.getAsLong();
        Budget budget = current.budgets().get(rateClass);
        TokenBucket bucket = (TokenBucket) session.attributes().computeIfAbsent(BUCKET + rateClass.propertyValue(),
                key -> new TokenBucket(budget.burst(), budget.perSecond(), now));
        long wait = bucket.tryTake(now);
        if (wait > 0) {
            throw refusal("too many requests; slow down", wait);
        }
    }

    private static Optional<InetAddress> address(ClientSession session, Settings current) {
        InetSocketAddress remote = session.remoteAddress();
        if (remote == null || remote.getAddress() == null
                || current.exempt().contains(remote.getAddress().getHostAddress())) {
            return Optional.empty();
        }
        // an IPv6 host holds a whole /64: counted per single address, it could change address per attempt
        return Optional.of(AddressGroup.of(remote.getAddress(), current.ipv6PrefixBits()));
    }

    private static ProtocolException refusal(String message, long waitNanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        return new ProtocolException(ErrorCode.RATE_LIMITED, message + " (retry in " + seconds + " s)", seconds);
    }
}
