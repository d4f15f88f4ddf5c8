package org.confab.server.plugins.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.confab.server.api.AdminActor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo console commands {@code confab:plugins}, {@code confab:installplugin},
 * {@code confab:updateplugin} and {@code confab:uninstallplugin}: the operator's door to the same
 * operations as the {@code admin.plugin*} requests, audited as actor {@code console}. A refused
 * command throws ({@code CODE: message}), so scripts see the failure.
 */
@Component(service = PluginCommands.class, property = { "osgi.command.scope=confab", "osgi.command.function=plugins",
        "osgi.command.function=installplugin", "osgi.command.function=updateplugin",
        "osgi.command.function=uninstallplugin" })
public class PluginCommands {

    private interface Action {
        String run() throws ProtocolException;
    }

    private final PluginAdministration plugins;
    private final AdminActor console = AdminActor.console();

    @Activate
    public PluginCommands(@Reference PluginAdministration plugins) {
        this.plugins = plugins;
    }

    @Descriptor("list the installed plugin features")
    public String plugins() {
        return run(() -> PluginText.list(plugins.plugins(console)));
    }

    @Descriptor("install a plugin feature from a p2 repository, without a restart")
    public String installplugin(@Descriptor("REPOSITORY: http(s) URL, file: URL or absolute path of a folder or zip") String repository,
            @Descriptor("FEATURE id, e.g. org.confab.examples.dice.server.feature") String feature) {
        return run(() -> PluginText.change("installed", plugins.install(console, repository, feature)));
    }

    @Descriptor("update an installed plugin feature from a p2 repository, without a restart")
    public String updateplugin(@Descriptor("REPOSITORY") String repository, @Descriptor("FEATURE id") String feature) {
        return run(() -> PluginText.change("updated", plugins.update(console, repository, feature)));
    }

    @Descriptor("uninstall a plugin feature, without a restart")
    public String uninstallplugin(@Descriptor("FEATURE id") String feature) {
        return run(() -> PluginText.change("uninstalled", plugins.uninstall(console, feature)));
    }

    private static String run(Action action) {
        try {
            return action.run();
        } catch (ProtocolException e) {
            throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
        }
    }

    /** The console's wording. */
    static final class PluginText {
        private PluginText() {
        }

        static String list(List<Plugin> plugins) {
            if (plugins.isEmpty()) {
                return "no plugins installed";
            }
            StringBuilder text = new StringBuilder();
            for (Plugin plugin : plugins) {
                text.append(plugin.feature()).append(' ').append(plugin.version());
                if (!plugin.name().isEmpty()) {
                    text.append("  ").append(plugin.name());
                }
                if (plugin.builtIn()) {
                    text.append("  (built in)");
                }
                text.append('\n');
            }
            return text.toString().stripTrailing();
        }

        static String change(String verb, Change change) {
            StringBuilder text = new StringBuilder(verb).append(' ').append(change.plugin().feature()).append(' ')
                    .append(change.plugin().version());
            change.warnings().forEach(warning -> text.append("\nwarning: ").append(warning));
            return text.toString();
        }
    }
}
