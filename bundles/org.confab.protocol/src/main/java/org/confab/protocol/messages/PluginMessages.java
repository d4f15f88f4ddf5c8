package org.confab.protocol.messages;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The bodies of the plugin administration requests ({@code admin.plugins}, {@code admin.plugin.*}):
 * list the plugin features installed in the running server, install one from a p2 repository, update
 * and uninstall one, each applied without a restart. Administrators only, like every {@code admin.*}
 * request. Section "Plugins" of docs/protocol.md describes them.
 */
public final class PluginMessages {
    public static final String PLUGINS = "admin.plugins";
    public static final String INSTALL = "admin.plugin.install";
    public static final String UPDATE = "admin.plugin.update";
    public static final String UNINSTALL = "admin.plugin.uninstall";
    /** Any logged-in user: the p2 repository the server's operator offers for client plugins. */
    public static final String REPOSITORY = "plugin.repository";
    /** Longest repository address. */
    public static final int MAX_REPOSITORY = 2000;
    /** Longest feature id. */
    public static final int MAX_FEATURE = 200;
    /** A feature id: dot-separated names of letters, digits, '_' and '-' (an OSGi symbolic name). */
    private static final Pattern FEATURE_ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private PluginMessages() {
    }

    /**
     * {@code admin.plugin.install}: installs feature {@code feature} (for example
     * {@code org.confab.examples.dice.server.feature}) from the p2 repository at {@code repository}
     * (an {@code http(s)} URL, a {@code file:} URL or an absolute path of a local folder or zip).
     */
    public record Install(String repository, String feature) {
        public Install {
            Check.nonBlank("repository", repository, MAX_REPOSITORY);
            feature = featureId(feature);
        }
    }

    /**
     * {@code admin.plugin.update}: updates an installed plugin feature to the newest version in
     * {@code repository} (required: the server keeps no repository addresses between requests).
     */
    public record Update(String repository, String feature) {
        public Update {
            Check.nonBlank("repository", repository, MAX_REPOSITORY);
            feature = featureId(feature);
        }
    }

    /**
     * {@code plugin.repository.ok}: the p2 repository the server's operator offers for client plugins
     * ({@code --plugin-repository}), an {@code http(s)} or {@code file:} URL, or {@code ""} when the
     * server offers none. A client shows it as offered by that server and asks before using it; it
     * never installs from it on its own (docs/security.md, "Plugin repositories").
     */
    public record OfferedRepository(String repository) {
        public OfferedRepository {
            repository = repository == null ? "" : repository;
            if (repository.length() > MAX_REPOSITORY) {
                throw new IllegalArgumentException("field 'repository' must be at most " + MAX_REPOSITORY + " characters");
            }
        }
    }

    /** {@code admin.plugin.uninstall}: removes an installed plugin feature. */
    public record Uninstall(String feature) {
        public Uninstall {
            feature = featureId(feature);
        }
    }

    /**
     * One installed plugin feature: its id, version, name and provider as its feature says, and
     * whether it came with the server's installation ({@code builtIn}: listed, but only an update of
     * the installation itself removes it) rather than being installed by an administrator.
     */
    public record Plugin(String feature, String version, String name, String provider, boolean builtIn) {
    }

    /** {@code admin.plugins.ok}: the installed plugin features, by id. */
    public record Plugins(List<Plugin> plugins) {
    }

    /**
     * {@code admin.plugin.install.ok}, {@code .update.ok}, {@code .uninstall.ok}: the feature as it is
     * now (for an uninstall, as it was), and warnings the administrator should read, such as
     * unsigned content that was installed.
     */
    public record Change(Plugin plugin, List<String> warnings) {
    }

    /** Checks a feature id; the {@code .feature.group} suffix of p2's metadata is taken off. */
    public static String featureId(String feature) {
        Check.nonBlank("feature", feature, MAX_FEATURE);
        String id = feature.endsWith(".feature.group") ? feature.substring(0, feature.length() - ".feature.group".length())
                : feature;
        if (!FEATURE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("field 'feature' must be a feature id such as org.example.feature");
        }
        return id;
    }
}
