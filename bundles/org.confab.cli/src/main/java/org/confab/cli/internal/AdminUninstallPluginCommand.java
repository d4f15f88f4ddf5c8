package org.confab.cli.internal;

import org.confab.protocol.messages.PluginMessages;

/** {@code admin uninstall-plugin FEATURE_ID}: removes a plugin feature from the running server. */
final class AdminUninstallPluginCommand extends AdminCommand<String> {
    AdminUninstallPluginCommand() {
        super("uninstall-plugin");
    }

    @Override
    public String synopsis() {
        return "FEATURE_ID";
    }

    @Override
    public String description() {
        return "uninstall a plugin feature from the server, no restart";
    }

    @Override
    String request(CommandContext context) {
        return PluginMessages.featureId(context.operands(1, 1, "the feature id").get(0));
    }

    @Override
    void send(String feature, CliSession session, Output output) throws Exception {
        PluginFields.change(output, "uninstalled", session.await(session.client().admin().uninstallPlugin(feature)));
    }
}
