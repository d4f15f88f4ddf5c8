package org.confab.cli.internal;

import java.util.List;

import org.confab.protocol.messages.PluginMessages.Plugin;

/** {@code admin plugins}: the plugin features installed in the running server. */
final class AdminPluginsCommand extends AdminQueryCommand {
    AdminPluginsCommand() {
        super("plugins");
    }

    @Override
    public String description() {
        return "plugin features installed in the server";
    }

    @Override
    void send(Void request, CliSession session, Output output) throws Exception {
        List<Plugin> plugins = session.await(session.client().admin().plugins());
        plugins.forEach(plugin -> output.item(PluginFields.pluginText(plugin), PluginFields.plugin(plugin)));
        output.text(AdminFields.count(plugins.size(), "plugin"));
    }
}
