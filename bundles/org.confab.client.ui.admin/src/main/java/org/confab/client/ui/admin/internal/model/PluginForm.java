package org.confab.client.ui.admin.internal.model;

import java.util.Locale;
import java.util.Optional;

import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Plugin;

/**
 * What the install and update dialogs check while the administrator types: the same rules as the wire
 * records the CLI builds ({@code admin install-plugin REPOSITORY FEATURE_ID}), said as a hint, plus the
 * shapes of address the server accepts (docs/protocol.md, "Plugins"), so an address the server would
 * refuse is explained before it is sent. The server checks everything again; a folder that does not
 * exist can only be told by the server, which reads the repository itself.
 */
public final class PluginForm {
    /** Shown under the dialog's title: the repository is read by the server, not by this client. */
    public static final String REPOSITORY_HINT = "A p2 repository the server reads itself: an http(s) URL, or a folder or"
            + " zip on the server's machine (an absolute path or a file: URL).";

    private PluginForm() {
    }

    public static Optional<String> repositoryProblem(String repository) {
        String address = repository.strip();
        if (address.isEmpty()) {
            return Optional.of("Enter the repository: an http(s) URL, or a folder or zip on the server.");
        }
        if (address.length() > PluginMessages.MAX_REPOSITORY) {
            return Optional.of("The repository address is longer than " + PluginMessages.MAX_REPOSITORY + " characters.");
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String authority = address.substring(address.indexOf("//") + 2).split("[/?#]", 2)[0];
            if (authority.isEmpty()) {
                return Optional.of("An http(s) repository needs a host.");
            }
            if (authority.contains("@")) {
                // the address ends up in the audit log: the server refuses credentials in it
                return Optional.of("The repository address must not contain a user name or password.");
            }
            return Optional.empty();
        }
        if (address.startsWith("/") || lower.startsWith("file:/") || lower.startsWith("jar:file:/")) {
            return Optional.empty();
        }
        return Optional.of("The repository must be an http(s) URL, a file: URL or an absolute path on the server"
                + " (such as /srv/confab/plugins or /srv/confab/plugins.zip).");
    }

    public static Optional<String> featureProblem(String feature) {
        if (feature.isBlank()) {
            return Optional.of("Enter the feature id, such as org.confab.examples.dice.server.feature.");
        }
        try {
            PluginMessages.featureId(feature.strip());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("The feature id is dot-separated names of letters, digits, '_' and '-', such as"
                    + " org.confab.examples.dice.server.feature (at most " + PluginMessages.MAX_FEATURE + " characters).");
        }
    }

    /** The first problem of the two fields, repository first as the dialog shows them. */
    public static Optional<String> problem(String repository, String feature) {
        return repositoryProblem(repository).or(() -> featureProblem(feature));
    }

    /** The origin column: a built-in plugin came with the server's installation and only an update of that removes it. */
    public static String origin(Plugin plugin) {
        return plugin.builtIn() ? "Built in" : "Installed";
    }
}
