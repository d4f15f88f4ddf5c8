package org.confab.server.accounts.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.server.api.Account;
import org.confab.server.api.AccountDirectory;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.DataDirectory;
import org.confab.server.spi.ScramChallenge;
import org.confab.server.spi.NewAccount;
import org.confab.server.spi.StoredCredentials;
import org.confab.server.spi.UsernameTakenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the account rules and derives SCRAM credentials; storage is the {@link AccountStore}'s job. */
@Designate(ocd = AccountsConfig.class)
@Component(service = { AccountService.class, AccountDirectory.class }, configurationPid = "org.confab.server.accounts",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DefaultAccountService implements AccountService, AccountDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);

    private final AccountStore store;
    private final DecoySecret decoys;
    private volatile AccountsConfig config;

    @Activate
    public DefaultAccountService(@Reference AccountStore store, @Reference DataDirectory data, AccountsConfig config)
            throws IOException {
        this.store = store;
        this.decoys = DecoySecret.in(data.path());
        this.config = config;
    }

    @Override
    public ScramChallenge decoyChallenge(String username) {
        // the iterations new credentials get now: with a fixed count, a server configured otherwise
        // answered unknown names differently from every account created there
        return new ScramChallenge(decoys.salt(username), iterations());
    }

    private int iterations() {
        return Math.max(Scram.MIN_ITERATIONS, config.scramIterations());
    }

    @Modified
    void modified(AccountsConfig changed) {
        this.config = changed;
    }

    @Override
    public Account register(String username, String password, String displayName) throws ProtocolException {
        if (config.registrationPolicy() != RegistrationPolicy.OPEN) {
            throw new ProtocolException(ErrorCode.REGISTRATION_CLOSED,
                    "this server does not allow self-registration; ask an administrator for an account");
        }
        return create(username, password, displayName, false);
    }

    @Override
    public Account create(String username, String password, String displayName, boolean admin)
            throws ProtocolException {
        String canonical = AccountRules.validUsername(username);
        AccountRules.checkPassword(canonical, password);
        String name = AccountRules.displayName(displayName, canonical);
        if (store.find(canonical).isPresent()) {
            throw taken(canonical);
        }
        StoredCredentials credentials = derive(password);
        try {
            Account account = store.create(new NewAccount(canonical, name, admin, credentials));
            LOG.info("account created: {}{}", canonical, admin ? " (admin)" : "");
            return account;
        } catch (UsernameTakenException e) {
            throw taken(canonical);
        }
    }

    @Override
    public StoredCredentials deriveCredentials(String username, String password) throws ProtocolException {
        AccountRules.checkPassword(AccountRules.canonical(username), password);
        return derive(password);
    }

    @Override
    public String validDisplayName(String requested, String username) throws ProtocolException {
        return AccountRules.displayName(requested, AccountRules.canonical(username));
    }

    private StoredCredentials derive(String password) {
        Scram.Credentials derived = Scram.create(password, iterations());
        return new StoredCredentials(derived.salt(), derived.iterations(), derived.storedKey(), derived.serverKey());
    }

    private static ProtocolException taken(String username) {
        return new ProtocolException(ErrorCode.USERNAME_TAKEN, "username '" + username + "' is already taken");
    }

    @Override
    public String canonical(String username) {
        return AccountRules.canonical(username);
    }

    @Override
    public Optional<Account> find(String username) {
        return store.find(AccountRules.canonical(username));
    }

    @Override
    public Optional<StoredCredentials> credentials(String username) {
        return store.credentials(AccountRules.canonical(username));
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return store.list(offset, limit);
    }
}
