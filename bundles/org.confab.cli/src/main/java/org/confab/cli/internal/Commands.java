package org.confab.cli.internal;

/** The standard command set, with the {@code admin} group for administrators. */
final class Commands {
    private Commands() {
    }

    static CommandRegistry standard() {
        return new CommandRegistry()
                .register(new RegisterCommand())
                .register(new PasswdCommand())
                .register(new SendCommand())
                .register(new HistoryCommand())
                .register(new SearchCommand())
                .register(new OnlineCommand())
                .register(new ReceiveCommand())
                .register(new PingCommand())
                .register(new DiscoverCommand())
                .register(new RequestCommand())
                .register(new SendFileCommand())
                .register(new FilesCommand())
                .register(new FetchFileCommand())
                .register(new DeclineFileCommand())
                .alias("inbox", "receive")
                .group(AdminCommand.GROUP, AdminCommand.HEADING)
                .register(new AdminUsersCommand())
                .register(new AdminAddUserCommand())
                .register(new AdminUpdateUserCommand())
                .register(new AdminDeleteUserCommand())
                .register(new AdminOnlineCommand())
                .register(new AdminKickCommand())
                .register(new AdminBroadcastCommand())
                .register(new AdminAuditCommand())
                .register(new AdminStatusCommand())
                .register(new AdminClusterCommand())
                .register(new AdminPluginsCommand())
                .register(AdminPluginFromRepositoryCommand.install())
                .register(AdminPluginFromRepositoryCommand.update())
                .register(new AdminUninstallPluginCommand());
    }
}
