package org.confab.client.ui.internal.session;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

/**
 * Supplies the master password of Confab's secure storage from a random 256-bit key in a file next to
 * the storage, readable only by its owner. The storage itself is encrypted with it (Equinox secure
 * storage, PBE/AES), so the saved password is never written in plain text; as with any store that
 * needs no typed master password, someone who can read all of the user's files can decrypt it.
 * Registered with a low priority: a platform keyring module, when installed, is preferred by
 * Equinox for its default storage; Confab's own storage asks for this module by id.
 */
public class KeyFilePasswordProvider extends PasswordProvider {
    /** Module id: bundle symbolic name + extension id. */
    public static final String MODULE_ID = "org.confab.client.ui.keyfile";

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        try {
            Path storage = Path.of(container.getLocation().toURI());
            return new PBEKeySpec(key(storage.resolveSibling(storage.getFileName() + ".key")).toCharArray());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read or create the key of the secure storage", e);
        }
    }

    static String key(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another client of the same profile created it first; use theirs
            } catch (UnsupportedOperationException e) {
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}
