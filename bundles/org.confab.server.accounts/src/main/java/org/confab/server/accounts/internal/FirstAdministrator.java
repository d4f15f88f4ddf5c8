package org.confab.server.accounts.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

import org.confab.protocol.ProtocolException;
import org.confab.protocol.Scram;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.AccountStore;
import org.confab.server.spi.DataDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a database without any administrator, creates the account {@value #USERNAME} so that somebody
 * can administer the server. The password comes from {@value #PASSWORD_VARIABLE}, or is generated,
 * shown once on the console and written to a file only the server's user can read.
 */
@Component(immediate = true)
public class FirstAdministrator {
    static final String USERNAME = "admin";
    static final String PASSWORD_VARIABLE = "CONFAB_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "admin-password.txt";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    @Activate
    public FirstAdministrator(@Reference AccountStore store, @Reference AccountService accounts, @Reference DataDirectory data)
            throws IOException, ProtocolException {
        if (store.anyAdmin()) {
            return;
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        boolean generated = fromEnvironment == null || fromEnvironment.isBlank();
        String password = generated ? Base64.getUrlEncoder().withoutPadding().encodeToString(Scram.randomBytes(15))
                : fromEnvironment;
        try {
            accounts.create(USERNAME, password, "Administrator", true);
        } catch (ProtocolException e) {
            // otherwise only the component runtime would know why there is no administrator
            LOG.error("could not create the first administrator '{}' ({}): {}", USERNAME,
                    generated ? "generated password" : "password from " + PASSWORD_VARIABLE, e.getMessage());
            throw e;
        }
        if (generated) {
            Path file = OwnerOnlyFiles.write(data.path().resolve(PASSWORD_FILE),
                    (password + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            LOG.warn("created the first administrator '{}' with password {} (also in {}; change it after logging in)",
                    USERNAME, password, file);
        } else {
            LOG.warn("created the first administrator '{}' with the password from {}", USERNAME, PASSWORD_VARIABLE);
        }
    }
}
