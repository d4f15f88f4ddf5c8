package org.confab.server.plugins.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;

/**
 * Turns the repository an administrator typed into the address p2 loads, refusing anything else.
 * The text comes from the network, so only three shapes are accepted (docs/security.md, "Plugin
 * repositories"): an {@code http}/{@code https} URL without credentials, or a local folder or zip
 * file given as an absolute path or a {@code file:} URL (a zip becomes p2's {@code jar:file:...!/}).
 * Other schemes ({@code ftp:}, {@code jar:http:}, p2's composite tricks with relative paths) are
 * refused, so a request cannot make the server reach somewhere an administrator did not name.
 */
final class RepositoryAddress {
    static final int MAX_LENGTH = 2000;

    private RepositoryAddress() {
    }

    static URI parse(String text) throws ProtocolException {
        String address = text.strip();
        if (address.isEmpty() || address.length() > MAX_LENGTH) {
            throw refused("the repository must be 1 to " + MAX_LENGTH + " characters long");
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused("the repository must not contain control characters");
        }
        if (address.startsWith("/")) {
            return local(Path.of(address));
        }
        URI uri = uri(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
        case "http", "https" -> web(uri);
        case "file" -> {
            if (uri.getRawAuthority() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getPath() == null || !uri.getPath().startsWith("/")) {
                throw refused("a file: repository must be an absolute local path such as file:/srv/plugins/");
            }
            yield local(Path.of(uri));
        }
        case "jar" -> {
            String inner = uri.getRawSchemeSpecificPart();
            if (!inner.startsWith("file:") || !inner.endsWith("!/")) {
                throw refused("a jar: repository must be a local zip such as jar:file:/srv/plugins.zip!/");
            }
            yield local(Path.of(uri(inner.substring(0, inner.length() - 2))));
        }
        default -> throw refused("the repository must be an http(s) URL, a file: URL or an absolute path");
        };
    }

    private static URI web(URI uri) throws ProtocolException {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused("an http(s) repository needs a host");
        }
        if (uri.getRawUserInfo() != null) {
            // credentials would end up in the audit log and in p2's list of known repositories
            throw refused("the repository address must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw refused("the repository address must not have a fragment (#...)");
        }
        return uri;
    }

    private static URI local(Path path) throws ProtocolException {
        Path normalized = path.normalize();
        if (Files.isDirectory(normalized)) {
            return normalized.toUri();
        }
        String name = normalized.getFileName() == null ? "" : normalized.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(normalized) && (name.endsWith(".zip") || name.endsWith(".jar"))) {
            return URI.create("jar:" + normalized.toUri() + "!/");
        }
        throw new ProtocolException(ErrorCode.NOT_FOUND,
                "no repository folder or zip file at " + normalized + " on the server");
    }

    private static URI uri(String text) throws ProtocolException {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw refused("the repository is not a valid URL: " + e.getReason());
        }
    }

    private static ProtocolException refused(String why) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, why);
    }
}
