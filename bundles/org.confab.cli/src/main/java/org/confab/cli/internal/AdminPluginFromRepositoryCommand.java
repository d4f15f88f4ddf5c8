package org.confab.cli.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Install;
import org.confab.protocol.messages.PluginMessages.Update;

/**
 * {@code admin install-plugin REPOSITORY FEATURE_ID} and {@code admin update-plugin REPOSITORY
 * FEATURE_ID}: a change of the running server from a p2 repository. The server reads the repository
 * itself, so a folder or zip must be on the server's machine.
 */
final class AdminPluginFromRepositoryCommand extends AdminCommand<Install> {
    private interface Request {
        CompletableFuture<Change> send(AdminClient admin, String repository, String feature);
    }

    private final String verb;
    private final String description;
    private final Request request;

    private AdminPluginFromRepositoryCommand(String subcommand, String verb, String description, Request request) {
        super(subcommand);
        this.verb = verb;
        this.description = description;
        this.request = request;
    }

    static AdminPluginFromRepositoryCommand install() {
        return new AdminPluginFromRepositoryCommand("install-plugin", "installed",
                "install a plugin feature from a p2 repository (http(s) URL, or folder/zip on the server), no restart",
                (admin, repository, feature) -> admin.installPlugin(new Install(repository, feature)));
    }

    static AdminPluginFromRepositoryCommand update() {
        return new AdminPluginFromRepositoryCommand("update-plugin", "updated",
                "update an installed plugin feature to the newest version in a p2 repository, no restart",
                (admin, repository, feature) -> admin.updatePlugin(new Update(repository, feature)));
    }

    @Override
    public String synopsis() {
        return "REPOSITORY FEATURE_ID";
    }

    @Override
    public String description() {
        return description;
    }

    /** The repository and feature, checked by the wire record (the same checks for both requests). */
    @Override
    Install request(CommandContext context) {
        List<String> operands = context.operands(2, 2, "the repository and the feature id");
        return new Install(operands.get(0), operands.get(1));
    }

    @Override
    void send(Install change, CliSession session, Output output) throws Exception {
        PluginFields.change(output, verb,
                session.await(request.send(session.client().admin(), change.repository(), change.feature())));
    }
}
