package org.confab.client.ui.internal.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Passwords the user asked to remember, per server and user, encrypted in Equinox secure storage in
 * the client profile's state folder (see {@link KeyFilePasswordProvider}). Failures only mean the
 * password is not remembered; they never stop a login.
 */
public final class SavedPasswords {
    private static final System.Logger LOG = System.getLogger(SavedPasswords.class.getName());
    private static final String ROOT = "org.confab.client.ui/passwords";
    private static final String PASSWORD = "password";

    private final Path location;

    /** @param location the storage file */
    public SavedPasswords(Path location) {
        this.location = location;
    }

    public Optional<String> load(String server, String username) {
        try {
            return Optional.ofNullable(node(server, username).get(PASSWORD, null));
        } catch (IOException | StorageException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the saved password: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    public void save(String server, String username, String password) {
        try {
            ISecurePreferences node = node(server, username);
            node.put(PASSWORD, password, true);
            node.flush();
        } catch (IOException | StorageException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the password: {0}", e.getMessage());
        }
    }

    public void forget(String server, String username) {
        try {
            ISecurePreferences node = node(server, username);
            node.removeNode();
            storage().flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot forget the password: {0}", e.getMessage());
        }
    }

    private ISecurePreferences node(String server, String username) throws IOException {
        return storage().node(ROOT).node(EncodingUtils.encodeSlashes(server)).node(EncodingUtils.encodeSlashes(username));
    }

    private ISecurePreferences storage() throws IOException {
        Map<Object, Object> options = new HashMap<>();
        options.put(IProviderHints.REQUIRED_MODULE_ID, KeyFilePasswordProvider.MODULE_ID);
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        return SecurePreferencesFactory.open(location.toUri().toURL(), options);
    }
}
